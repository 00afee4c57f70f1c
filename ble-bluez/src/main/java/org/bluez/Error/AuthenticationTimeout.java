package org.bluez.Error;

/** {@code org.bluez.Error.AuthenticationTimeout}: pairing timed out. */
public final class AuthenticationTimeout extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AuthenticationTimeout(String message) {
        super(message);
    }
}
