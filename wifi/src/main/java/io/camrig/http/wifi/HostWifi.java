package io.camrig.http.wifi;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The host's own Wi-Fi interface, as the AP path needs it: see which access points are in range,
 * join a camera's access point (GP-0002 SSID, GP-0003 password), and give the interface back to the
 * connection it had before. A backend talks to the host's network service (NetworkManager over
 * D-Bus in {@code io.camrig.http.wifi.nm}) or simulates one.
 *
 * <p>Errors are signalled, never thrown, as a {@link HostWifiException} whose {@link
 * HostWifiException.Reason} says why: wrong password, network not found, timeout, unavailable (no
 * Wi-Fi device, the service not running) or failed (any other reason the link did not come up).
 * Passwords never appear in errors or logs.
 */
public interface HostWifi extends AutoCloseable {
    /**
     * Asks the interface to scan, then lists the access points it sees, strongest first.
     *
     * @param timeout how long the scan may take
     */
    Mono<List<WifiAccessPoint>> scan(Duration timeout);

    /**
     * Joins {@code ssid}: completes with the link once the host holds an address on it.
     *
     * @param password the WPA2 passphrase (a secret), or {@code null} for an open network
     * @param timeout how long activation may take before a {@code TIMEOUT} error
     */
    Mono<HostWifiLink> join(String ssid, String password, Duration timeout);

    /** The SSID the interface is connected to now, if any. */
    Mono<java.util.Optional<String>> currentSsid();

    /** Releases the backend's resources (its D-Bus connection); does not disconnect. */
    @Override
    void close();
}
