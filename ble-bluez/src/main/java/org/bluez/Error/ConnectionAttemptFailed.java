package org.bluez.Error;

/** {@code org.bluez.Error.ConnectionAttemptFailed}: the connection attempt failed. */
public final class ConnectionAttemptFailed extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public ConnectionAttemptFailed(String message) {
        super(message);
    }
}
