package org.bluez.Error;

/** {@code org.bluez.Error.InProgress}: the same operation is already running. */
public final class InProgress extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public InProgress(String message) {
        super(message);
    }
}
