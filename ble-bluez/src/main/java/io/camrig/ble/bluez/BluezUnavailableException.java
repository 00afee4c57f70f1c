package io.camrig.ble.bluez;

import io.camrig.proto.error.PermanentCamrigException;
import java.util.Optional;

/**
 * BlueZ cannot be used as configured, and retrying will not change that: the bus is unreachable,
 * {@code org.bluez} is not running ({@code org.freedesktop.DBus.Error.ServiceUnknown}), access is
 * denied ({@code org.freedesktop.DBus.Error.AccessDenied}: see docs/bluez.md on permissions), the
 * adapter does not exist or is off ({@code org.bluez.Error.NotReady}), or the operation is not
 * supported ({@code org.bluez.Error.NotSupported}).
 */
public class BluezUnavailableException extends PermanentCamrigException {
    private final String dbusError;

    public BluezUnavailableException(String message, String address, String operation, String dbusError,
                                     Throwable cause) {
        super(message, address, operation, cause);
        this.dbusError = dbusError;
    }

    /** The D-Bus error name, when there was one. */
    public Optional<String> dbusError() {
        return Optional.ofNullable(dbusError);
    }
}
