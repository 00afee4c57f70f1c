package io.camrig.engine.provision;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/**
 * A provisioning step did not finish within its time limit (see {@link ProvisioningOptions}): a
 * scan, a connection, the wait for COHN_PROVISIONED, the wait for status 69, or one of their
 * request/response exchanges. Transient.
 */
public final class ProvisioningTimeoutException extends TransientCamrigException {
    private final ProvisionStep step;
    private final Duration limit;

    public ProvisioningTimeoutException(String camera, ProvisionStep step, Duration limit, Throwable cause) {
        super(step + " did not finish within " + limit.toMillis() + " ms", camera, step.name().toLowerCase(
                java.util.Locale.ROOT).replace('_', ' '), cause);
        this.step = step;
        this.limit = limit;
    }

    /** The step that ran out of time. */
    public ProvisionStep step() {
        return step;
    }

    /** Its time limit. */
    public Duration limit() {
        return limit;
    }
}
