package io.camrig.engine.error;

import io.camrig.proto.error.TransientCamrigException;

/**
 * The camera's BLE link went down while an operation was pending or before it started. Every
 * exchange pending on the link fails with this error. Transient: reconnecting may help.
 */
public class ConnectionClosedException extends TransientCamrigException {
    public ConnectionClosedException(String camera, String operation, Throwable cause) {
        super("BLE link lost", camera, operation, cause);
    }
}
