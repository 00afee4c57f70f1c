package org.bluez.Error;

/** {@code org.bluez.Error.AlreadyConnected}: the device is already connected. */
public final class AlreadyConnected extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AlreadyConnected(String message) {
        super(message);
    }
}
