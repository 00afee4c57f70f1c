package org.bluez.Error;

/** {@code org.bluez.Error.NotAvailable}: not available. */
public final class NotAvailable extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public NotAvailable(String message) {
        super(message);
    }
}
