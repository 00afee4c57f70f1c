package org.bluez.Error;

/** {@code org.bluez.Error.InvalidOffset}: a read offset is invalid. */
public final class InvalidOffset extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public InvalidOffset(String message) {
        super(message);
    }
}
