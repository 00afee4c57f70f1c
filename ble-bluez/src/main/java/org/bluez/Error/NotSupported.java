package org.bluez.Error;

/** {@code org.bluez.Error.NotSupported}: not supported. */
public final class NotSupported extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotSupported(String message) {
        super(message);
    }
}
