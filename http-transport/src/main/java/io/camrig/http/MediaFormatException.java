package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A JSON response that does not follow the Open GoPro HTTP schema: not JSON at all, truncated, or
 * missing what matters (a media list entry without a parsable size {@code s}, a state without its
 * {@code status} and {@code settings} objects). Unknown fields are never an error.
 *
 * <p>The message names the offending place as a JSON path, for example {@code media[0].fs[3].s}.
 * Carries the camera (base URI) and the operation.
 */
public class MediaFormatException extends PermanentCamrigException {
    public MediaFormatException(String message, String camera, String operation, Throwable cause) {
        super(message, camera, operation, cause);
    }
}
