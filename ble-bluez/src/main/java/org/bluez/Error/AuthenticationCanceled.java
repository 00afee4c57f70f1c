package org.bluez.Error;

/** {@code org.bluez.Error.AuthenticationCanceled}: pairing was cancelled. */
public final class AuthenticationCanceled extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AuthenticationCanceled(String message) {
        super(message);
    }
}
