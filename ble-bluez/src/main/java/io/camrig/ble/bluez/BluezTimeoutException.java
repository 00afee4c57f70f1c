package io.camrig.ble.bluez;

/**
 * A BlueZ operation did not answer within its time limit (a GATT operation's
 * {@link BluezOptions#operationTimeout()}, a connection's {@link BluezOptions#connectTimeout()} …), or
 * D-Bus gave up waiting ({@code org.freedesktop.DBus.Error.NoReply}, {@code …Timeout}). The device's
 * operation queue has moved on; the late answer, if any, is dropped.
 */
public class BluezTimeoutException extends BluezException {
    public BluezTimeoutException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(message, address, operation, dbusError, cause);
    }
}
