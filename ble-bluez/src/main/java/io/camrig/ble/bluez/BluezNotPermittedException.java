package io.camrig.ble.bluez;

/**
 * BlueZ refused the operation: {@code org.bluez.Error.NotPermitted} or
 * {@code …NotAuthorized}. On a GoPro this typically means the link is not encrypted yet (the camera
 * needs pairing before notifications; Open GoPro BLE spec, "Finish Pairing").
 */
public class BluezNotPermittedException extends BluezException {
    public BluezNotPermittedException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(message, address, operation, dbusError, cause);
    }
}
