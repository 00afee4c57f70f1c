package org.bluez.Error;

/** {@code org.bluez.Error.AlreadyExists}: already exists, e.g. pairing a bonded device or registering an agent twice. */
public final class AlreadyExists extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AlreadyExists(String message) {
        super(message);
    }
}
