package io.camrig.http;

import java.time.Duration;

/**
 * A request did not complete within its overall deadline: unlike the idle {@link
 * HttpOptions#responseTimeout()}, which only measures silence, the deadline bounds the whole
 * exchange from sending the request to the last byte, so a camera that drips one byte per second
 * cannot hold it open for ever. For ordinary requests the deadline is {@link
 * HttpOptions#requestDeadline()}. Transient: a camera that was merely overloaded may answer in
 * time later.
 */
public class HttpDeadlineException extends HttpTransportException {
    private final Duration deadline;

    /**
     * @param deadline the deadline that passed
     */
    public HttpDeadlineException(String message, String camera, String operation, Duration deadline,
            Throwable cause) {
        super(message, camera, operation, 0, cause);
        this.deadline = deadline;
    }

    /** The deadline that passed. */
    public Duration deadline() {
        return deadline;
    }
}
