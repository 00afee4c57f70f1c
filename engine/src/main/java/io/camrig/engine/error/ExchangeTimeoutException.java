package io.camrig.engine.error;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/** A request got no matching response within its time limit. Transient. */
public class ExchangeTimeoutException extends TransientCamrigException {
    private final Duration timeout;

    public ExchangeTimeoutException(String camera, String operation, Duration timeout) {
        super("no response within " + timeout.toMillis() + " ms", camera, operation, null);
        this.timeout = timeout;
    }

    /** The time limit that passed. */
    public Duration timeout() {
        return timeout;
    }
}
