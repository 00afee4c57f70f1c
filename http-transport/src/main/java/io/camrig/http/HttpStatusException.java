package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The camera refused the request with a status that retrying will not change: a 4xx other than
 * 408 and 429 (for example 404 for a file that is not on the card, 400 for a bad parameter), or a
 * status the Open GoPro HTTP API never sends for the operation (1xx, 3xx). 5xx are {@link
 * HttpTransportException}s.
 *
 * <p>Carries the camera (base URI, never credentials), the operation and the status code.
 */
public class HttpStatusException extends PermanentCamrigException {
    private final int status;

    public HttpStatusException(String message, String camera, String operation, int status) {
        super(message, camera, operation, null);
        this.status = status;
    }

    /** The HTTP status code the camera answered, for example 404. */
    public int status() {
        return status;
    }
}
