package org.bluez.Error;

/** {@code org.bluez.Error.NotReady}: the adapter is not ready (off). */
public final class NotReady extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotReady(String message) {
        super(message);
    }
}
