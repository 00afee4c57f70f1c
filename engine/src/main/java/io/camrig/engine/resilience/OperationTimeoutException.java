package io.camrig.engine.resilience;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/** A rig operation on one camera, retries included, ran past its time limit. Transient. */
public class OperationTimeoutException extends TransientCamrigException {
    public OperationTimeoutException(String camera, String operation, Duration limit) {
        super("did not finish within " + limit.toMillis() + " ms", camera, operation, null);
    }
}
