package org.bluez.Error;

/** {@code org.bluez.Error.Rejected}: an agent refused the request. */
public final class Rejected extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public Rejected(String message) {
        super(message);
    }
}
