package io.camrig.proto.error;

/** An error that may pass: retrying later, or after reconnecting, can succeed. */
public class TransientCamrigException extends CamrigException {
    public TransientCamrigException(String message, String camera, String operation, Throwable cause) {
        super(message, camera, operation, cause);
    }

    @Override
    public final boolean isTransient() {
        return true;
    }
}
