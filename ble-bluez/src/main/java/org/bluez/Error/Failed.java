package org.bluez.Error;

/** {@code org.bluez.Error.Failed}: the operation failed (the catch-all). */
public final class Failed extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public Failed(String message) {
        super(message);
    }
}
