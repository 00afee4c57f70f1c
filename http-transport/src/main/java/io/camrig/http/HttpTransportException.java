package io.camrig.http;

import io.camrig.proto.error.TransientCamrigException;
import java.util.OptionalInt;

/**
 * A transient HTTP failure: the connection was refused or timed out, the camera went silent for
 * longer than {@link HttpOptions#responseTimeout()}, the connection closed before the response
 * was complete, or the camera answered 5xx (503 while busy), 408 or 429. Retrying later, or
 * after the camera is ready again, can succeed.
 *
 * <p>Carries the camera (its base URI as {@code scheme://host:port}, never credentials), the
 * operation (for example {@code "GET /gopro/media/list"}) and the HTTP status when the camera
 * answered one.
 */
public class HttpTransportException extends TransientCamrigException {
    private final int status;

    /**
     * @param status the HTTP status code the camera answered, or 0 when there was no response
     */
    public HttpTransportException(String message, String camera, String operation, int status, Throwable cause) {
        super(message, camera, operation, cause);
        this.status = status;
    }

    /** The HTTP status code, when the camera answered one. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
