package org.bluez.Error;

/** {@code org.bluez.Error.NotConnected}: the device is not connected. */
public final class NotConnected extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotConnected(String message) {
        super(message);
    }
}
