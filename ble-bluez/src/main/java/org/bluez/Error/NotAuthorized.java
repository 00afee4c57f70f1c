package org.bluez.Error;

/** {@code org.bluez.Error.NotAuthorized}: not authorized. */
public final class NotAuthorized extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotAuthorized(String message) {
        super(message);
    }
}
