package io.camrig.ble.bluez;

/**
 * The link to the device is down: {@code org.bluez.Error.NotConnected}, the device object
 * vanished ({@code org.freedesktop.DBus.Error.UnknownObject}), or the link dropped while the
 * operation was pending. Reconnect.
 */
public class BluezNotConnectedException extends BluezException {
    public BluezNotConnectedException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(message, address, operation, dbusError, cause);
    }
}
