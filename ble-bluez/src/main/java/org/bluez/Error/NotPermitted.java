package org.bluez.Error;

/** {@code org.bluez.Error.NotPermitted}: not permitted, e.g. a GATT operation that needs an encrypted link. */
public final class NotPermitted extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotPermitted(String message) {
        super(message);
    }
}
