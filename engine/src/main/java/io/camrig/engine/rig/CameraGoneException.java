package io.camrig.engine.rig;

import io.camrig.proto.error.TransientCamrigException;

/** A camera's link dropped and every reconnect attempt failed: it is reported, not waited for. */
public class CameraGoneException extends TransientCamrigException {
    public CameraGoneException(String camera, int attempts, Throwable lastError) {
        super("BLE link lost and " + attempts + " reconnect attempts failed"
                + (lastError == null ? "" : " (last: " + lastError.getMessage() + ")"), camera, "reconnect", lastError);
    }
}
