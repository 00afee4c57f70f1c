package org.bluez.Error;

/** {@code org.bluez.Error.Canceled}: an agent cancelled the request. */
public final class Canceled extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public Canceled(String message) {
        super(message);
    }
}
