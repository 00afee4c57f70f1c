package org.bluez.Error;

/** {@code org.bluez.Error.InvalidValueLength}: a written value has an invalid length. */
public final class InvalidValueLength extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public InvalidValueLength(String message) {
        super(message);
    }
}
