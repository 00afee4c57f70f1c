package org.bluez.Error;

/** {@code org.bluez.Error.InvalidArguments}: invalid arguments. */
public final class InvalidArguments extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public InvalidArguments(String message) {
        super(message);
    }
}
