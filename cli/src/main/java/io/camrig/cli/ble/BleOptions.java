package io.camrig.cli.ble;

import io.camrig.ble.bluez.BluezCentral;
import io.camrig.ble.bluez.BluezOptions;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The BLE stack a command talks to, as a picocli mixin:
 * <pre>
 * --ble simulated|bluez   simulated (default): in-process virtual cameras;
 *                         bluez: real cameras through Linux's BlueZ over D-Bus (see docs/bluez.md)
 * --adapter NAME          BlueZ adapter by name (hci0, the default), object path or address
 * --dbus-address ADDR     the bus where org.bluez lives (default: the system bus)
 * </pre>
 * {@code --adapter} and {@code --dbus-address} need {@code --ble bluez}; {@link #validate} says so
 * with a usage error (exit code 2).
 */
public final class BleOptions {
    /** The BLE stacks camrig can use. */
    public enum Stack {
        /** The simulator's in-process radio and virtual cameras. */
        SIMULATED,
        /** BlueZ, the Linux Bluetooth stack, over D-Bus. */
        BLUEZ
    }

    @Option(names = "--ble", paramLabel = "STACK", defaultValue = "simulated",
            description = "BLE stack: simulated (virtual cameras in this process) or bluez (real cameras "
                    + "through Linux BlueZ over D-Bus; see docs/bluez.md) (default: simulated).")
    Stack stack = Stack.SIMULATED;

    @Option(names = "--adapter", paramLabel = "NAME",
            description = "With --ble bluez: the Bluetooth adapter, by name, object path or address (default: hci0).")
    String adapter;

    @Option(names = "--dbus-address", paramLabel = "ADDR",
            description = "With --ble bluez: the D-Bus address of BlueZ's bus, e.g. "
                    + "unix:path=/run/dbus/system_bus_socket (default: the system bus).")
    String dbusAddress;

    /** The chosen stack. */
    public Stack stack() {
        return stack;
    }

    /** {@code true} when the simulated rig is wanted (no real radio). */
    public boolean simulated() {
        return stack == Stack.SIMULATED;
    }

    /** Fails with a usage error when BlueZ options are given without {@code --ble bluez}. */
    public void validate(CommandLine commandLine) {
        if (simulated() && (adapter != null || dbusAddress != null)) {
            throw new CommandLine.ParameterException(commandLine,
                    (adapter != null ? "--adapter" : "--dbus-address") + " needs --ble bluez");
        }
    }

    /** The BlueZ options these flags select, over {@link BluezOptions#defaults()}. */
    public BluezOptions bluezOptions() {
        BluezOptions options = BluezOptions.defaults().withDbusAddress(dbusAddress);
        return adapter == null ? options : options.withAdapter(adapter);
    }

    /**
     * The BlueZ central to use, or empty when the simulated rig is wanted. The central does not
     * touch the bus until it is used; shut it down with {@link BluezCentral#shutdown()}.
     */
    public Optional<BluezCentral> central() {
        return simulated() ? Optional.empty() : Optional.of(BluezCentral.create(bluezOptions()));
    }
}
