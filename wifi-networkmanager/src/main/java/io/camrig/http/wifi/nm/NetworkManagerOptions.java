package io.camrig.http.wifi.nm;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link NetworkManagerWifi} reaches NetworkManager and how long it waits.
 *
 * @param dbusAddress the D-Bus address where NetworkManager is, e.g. {@code unix:path=/run/dbus/x};
 *                    {@code null} for the system bus (the normal case)
 * @param interfaceName the Wi-Fi interface to use, e.g. {@code wlan0}; {@code null} for the first
 *                      device of type Wi-Fi NetworkManager lists
 * @param scanTimeout how long {@code join} waits for a scan when the SSID is not yet in the device's
 *                    list of access points (NetworkManager scans take 2..10 s)
 * @param restoreTimeout how long {@code HostWifiLink.restore()} may take, the previous connection's
 *                       re-activation included
 * @param callTimeout the time limit of a single D-Bus call (reading state, clean-up after a failed join)
 */
public record NetworkManagerOptions(String dbusAddress, String interfaceName, Duration scanTimeout,
        Duration restoreTimeout, Duration callTimeout) {
    public NetworkManagerOptions {
        positive(scanTimeout, "scanTimeout");
        positive(restoreTimeout, "restoreTimeout");
        positive(callTimeout, "callTimeout");
        if (interfaceName != null && interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName must not be blank (null picks the first Wi-Fi device)");
        }
    }

    /** The system bus, the first Wi-Fi device, scan 10 s, restore 30 s, calls 10 s. */
    public static NetworkManagerOptions defaults() {
        return new NetworkManagerOptions(null, null, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
    }

    public NetworkManagerOptions withDbusAddress(String address) {
        return new NetworkManagerOptions(address, interfaceName, scanTimeout, restoreTimeout, callTimeout);
    }

    public NetworkManagerOptions withInterfaceName(String name) {
        return new NetworkManagerOptions(dbusAddress, name, scanTimeout, restoreTimeout, callTimeout);
    }

    public NetworkManagerOptions withScanTimeout(Duration timeout) {
        return new NetworkManagerOptions(dbusAddress, interfaceName, timeout, restoreTimeout, callTimeout);
    }

    public NetworkManagerOptions withRestoreTimeout(Duration timeout) {
        return new NetworkManagerOptions(dbusAddress, interfaceName, scanTimeout, timeout, callTimeout);
    }

    public NetworkManagerOptions withCallTimeout(Duration timeout) {
        return new NetworkManagerOptions(dbusAddress, interfaceName, scanTimeout, restoreTimeout, timeout);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
