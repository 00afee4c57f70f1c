package io.camrig.engine.offload;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * What a file's download produced disagrees with what the camera's media info says about it
 * ({@code GET /gopro/media/info}, schema {@code VideoMetadata}: size {@code s} in bytes, duration
 * {@code dur} in whole seconds, compared with the bytes received and the {@code mvhd} duration
 * read from the file): for example a camera whose listing and transfer were cut short. The file
 * is marked {@code FAILED} in the take's manifest, never verified; the bytes received stay on
 * disk for inspection.
 */
public class MediaInfoMismatchException extends PermanentCamrigException {
    public MediaInfoMismatchException(String message, String camera, String path) {
        super(message, camera, "GET /gopro/media/info?path=" + path, null);
    }
}
