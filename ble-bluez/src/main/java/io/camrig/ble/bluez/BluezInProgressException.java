package io.camrig.ble.bluez;

/**
 * BlueZ is already doing this: {@code org.bluez.Error.InProgress} (another client is
 * connecting, pairing or running the same GATT operation). Retry later.
 */
public class BluezInProgressException extends BluezException {
    public BluezInProgressException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(message, address, operation, dbusError, cause);
    }
}
