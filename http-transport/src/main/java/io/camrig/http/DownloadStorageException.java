package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The local file system refused a download: the target directory cannot be created, the disk is
 * full, the temporary file cannot be written, or the final rename ({@code ATOMIC_MOVE}) is not
 * supported. The camera is not at fault; the cause is the {@link java.io.IOException}. Permanent:
 * retrying the same download to the same place fails the same way until someone frees space or
 * fixes permissions.
 */
public class DownloadStorageException extends PermanentCamrigException {
    public DownloadStorageException(String message, String camera, String operation, Throwable cause) {
        super(message, camera, operation, cause);
    }
}
