package io.camrig.ble.bluez;

/**
 * Pairing or encryption failed: {@code org.bluez.Error.AuthenticationFailed},
 * {@code …AuthenticationRejected}, {@code …AuthenticationCanceled}, {@code …AuthenticationTimeout}.
 * With a device that was bonded before, this usually means a stale bond (the camera forgot the keys,
 * e.g. after a reset); {@link BluezCentral#removeBond(String)} and pairing mode on the camera fix it.
 */
public class BluezAuthenticationException extends BluezException {
    public BluezAuthenticationException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(message, address, operation, dbusError, cause);
    }
}
