package io.camrig.ble.bluez;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link BluezCentral}; change them with the {@code with…} methods.
 *
 * @param adapter                 the adapter to use: its name ({@code "hci0"}, the default), its
 *                                object path ({@code "/org/bluez/hci1"}) or its address
 * @param dbusAddress             the D-Bus address of the bus where {@code org.bluez} lives, e.g.
 *                                {@code "unix:path=/run/dbus/system_bus_socket"}; {@code null}
 *                                (the default) means the system bus
 * @param connectTimeout          time limit of {@code Device1.Connect} (default 20 s)
 * @param pairTimeout             time limit of {@code Device1.Pair} (default 30 s)
 * @param servicesResolvedTimeout time from a connection to {@code ServicesResolved} (default 15 s)
 * @param operationTimeout        time limit of each GATT read, write and notification
 *                                subscription; the device's queue moves on after it (default 5 s)
 * @param discoveryTimeout        how long {@code connect} scans for an address BlueZ does not know
 *                                yet (default 10 s)
 * @param repairStaleBonds        when connecting to a bonded device fails authentication, remove
 *                                the bond, rediscover the device and pair again, once (default
 *                                {@code true}; the camera must be in pairing mode for this to work)
 */
public record BluezOptions(String adapter, String dbusAddress, Duration connectTimeout, Duration pairTimeout,
                           Duration servicesResolvedTimeout, Duration operationTimeout, Duration discoveryTimeout,
                           boolean repairStaleBonds) {
    /** The adapter used when none is named. */
    public static final String DEFAULT_ADAPTER = "hci0";

    public BluezOptions {
        Objects.requireNonNull(adapter, "adapter");
        if (adapter.isBlank()) {
            throw new IllegalArgumentException("adapter must not be blank");
        }
        if (dbusAddress != null && dbusAddress.isBlank()) {
            dbusAddress = null;
        }
        positive("connectTimeout", connectTimeout);
        positive("pairTimeout", pairTimeout);
        positive("servicesResolvedTimeout", servicesResolvedTimeout);
        positive("operationTimeout", operationTimeout);
        positive("discoveryTimeout", discoveryTimeout);
    }

    /** Adapter {@code hci0} on the system bus, with the default time limits. */
    public static BluezOptions defaults() {
        return new BluezOptions(DEFAULT_ADAPTER, null, Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(10), true);
    }

    public BluezOptions withAdapter(String name) {
        return new BluezOptions(name, dbusAddress, connectTimeout, pairTimeout, servicesResolvedTimeout,
                operationTimeout, discoveryTimeout, repairStaleBonds);
    }

    /** The bus to use; {@code null} for the system bus. */
    public BluezOptions withDbusAddress(String address) {
        return new BluezOptions(adapter, address, connectTimeout, pairTimeout, servicesResolvedTimeout,
                operationTimeout, discoveryTimeout, repairStaleBonds);
    }

    public BluezOptions withConnectTimeout(Duration timeout) {
        return new BluezOptions(adapter, dbusAddress, timeout, pairTimeout, servicesResolvedTimeout,
                operationTimeout, discoveryTimeout, repairStaleBonds);
    }

    public BluezOptions withPairTimeout(Duration timeout) {
        return new BluezOptions(adapter, dbusAddress, connectTimeout, timeout, servicesResolvedTimeout,
                operationTimeout, discoveryTimeout, repairStaleBonds);
    }

    public BluezOptions withServicesResolvedTimeout(Duration timeout) {
        return new BluezOptions(adapter, dbusAddress, connectTimeout, pairTimeout, timeout,
                operationTimeout, discoveryTimeout, repairStaleBonds);
    }

    public BluezOptions withOperationTimeout(Duration timeout) {
        return new BluezOptions(adapter, dbusAddress, connectTimeout, pairTimeout, servicesResolvedTimeout,
                timeout, discoveryTimeout, repairStaleBonds);
    }

    public BluezOptions withDiscoveryTimeout(Duration timeout) {
        return new BluezOptions(adapter, dbusAddress, connectTimeout, pairTimeout, servicesResolvedTimeout,
                operationTimeout, timeout, repairStaleBonds);
    }

    public BluezOptions withRepairStaleBonds(boolean repair) {
        return new BluezOptions(adapter, dbusAddress, connectTimeout, pairTimeout, servicesResolvedTimeout,
                operationTimeout, discoveryTimeout, repair);
    }

    /**
     * The longest one {@code connect} may take, repair included: twice discovery, connection, pairing,
     * service resolution and the few operations between them. The adapter's connect gate uses it.
     */
    public Duration connectBudget() {
        return discoveryTimeout.plus(connectTimeout).plus(pairTimeout).plus(servicesResolvedTimeout)
                .plus(operationTimeout.multipliedBy(4)).multipliedBy(2);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
