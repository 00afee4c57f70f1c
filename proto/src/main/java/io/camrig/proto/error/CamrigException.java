package io.camrig.proto.error;

import java.util.Optional;

/**
 * Base of every error camrig signals. Each error is either transient (worth retrying once the
 * cause passes: a timeout, a dropped link) or permanent (retrying the same request gives the same
 * answer: a refused option, a corrupted message).
 *
 * <p>Every error can carry the camera it concerns (its name or serial), the operation that failed
 * (for example {@code "command 0x01 shutter"}) and the camera's status code where one exists.
 * Messages never contain secrets: Wi-Fi passwords and COHN credentials are never put in them.
 */
public abstract class CamrigException extends RuntimeException {
    private final String camera;
    private final String operation;

    protected CamrigException(String message, String camera, String operation, Throwable cause) {
        super(message, cause);
        this.camera = camera;
        this.operation = operation;
    }

    /** {@code true} when retrying later may succeed. */
    public abstract boolean isTransient();

    /**
     * {@code true} when the request was refused before anything was sent, because of the caller's
     * arguments (an option or operation the camera's model does not support): the camera is
     * fine, only this call failed. {@code false} by default.
     */
    public boolean isCallerError() {
        return false;
    }

    /** The camera this error concerns, when known. */
    public Optional<String> camera() {
        return Optional.ofNullable(camera);
    }

    /** The operation that failed, when known. */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (camera != null) {
            sb.append('[').append(camera).append("] ");
        }
        if (operation != null) {
            sb.append(operation).append(": ");
        }
        return sb.append(super.getMessage()).toString();
    }
}
