package org.bluez.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Base of BlueZ's D-Bus errors; the error name of a subclass is its class name, {@code
 * "org.bluez.Error." + getClass().getSimpleName()}.
 */
public abstract class BluezError extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    /** @param message the error's text, as BlueZ sent it */
    protected BluezError(String message) {
        super(message);
    }
}
