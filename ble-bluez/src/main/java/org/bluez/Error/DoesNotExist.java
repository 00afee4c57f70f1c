package org.bluez.Error;

/** {@code org.bluez.Error.DoesNotExist}: no such object, e.g. removing an unknown device. */
public final class DoesNotExist extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public DoesNotExist(String message) {
        super(message);
    }
}
