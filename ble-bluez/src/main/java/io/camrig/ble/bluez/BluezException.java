package io.camrig.ble.bluez;

import io.camrig.ble.spi.BleException;
import java.util.Optional;

/**
 * A BlueZ operation failed in a way that may pass: the base of the BlueZ backend's transient
 * errors. Carries the device address (as {@link #camera()}), the operation (for example
 * {@code "write GP-0072"}) and, when BlueZ answered with an error, its D-Bus error name (for example
 * {@code "org.bluez.Error.Failed"}).
 *
 * <p>Subclasses name the cases a caller can act on: {@link BluezTimeoutException},
 * {@link BluezNotConnectedException}, {@link BluezAuthenticationException},
 * {@link BluezNotPermittedException}, {@link BluezInProgressException}. Failures that retrying will
 * not fix (no adapter, no bluetoothd, no permission) are {@link BluezUnavailableException}, on the
 * permanent branch.
 */
public class BluezException extends BleException {
    private final String operation;
    private final String dbusError;

    public BluezException(String message, String address, String operation, String dbusError, Throwable cause) {
        super(operation == null ? message : operation + ": " + message, address, cause);
        this.operation = operation;
        this.dbusError = dbusError;
    }

    @Override
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /** The D-Bus error name BlueZ answered with, when it answered with one. */
    public Optional<String> dbusError() {
        return Optional.ofNullable(dbusError);
    }
}
