package io.camrig.proto.error;

/** An error that retrying the same request will not fix. */
public class PermanentCamrigException extends CamrigException {
    public PermanentCamrigException(String message, String camera, String operation, Throwable cause) {
        super(message, camera, operation, cause);
    }

    @Override
    public final boolean isTransient() {
        return false;
    }
}
