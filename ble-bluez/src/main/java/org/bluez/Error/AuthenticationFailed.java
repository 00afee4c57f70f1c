package org.bluez.Error;

/** {@code org.bluez.Error.AuthenticationFailed}: pairing or encryption failed, typical of a stale bond. */
public final class AuthenticationFailed extends BluezError {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    public AuthenticationFailed(String message) {
        super(message);
    }
}
