package io.camrig.engine.error;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/**
 * The camera did not reach the awaited state (ready: not busy and not encoding; or encoding
 * on/off) within the time limit. Source: Open GoPro BLE spec, "State Management".
 */
public class NotReadyException extends TransientCamrigException {
    public NotReadyException(String camera, String operation, Duration timeout) {
        super("state not reached within " + timeout.toMillis() + " ms", camera, operation, null);
    }
}
