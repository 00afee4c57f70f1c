package org.bluez.Error;

/** {@code org.bluez.Error.AuthenticationRejected}: the peer rejected pairing. */
public final class AuthenticationRejected extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AuthenticationRejected(String message) {
        super(message);
    }
}
