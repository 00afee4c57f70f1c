package io.camrig.http.wifi.nm;

import io.camrig.dbus.DbusValues;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.types.Variant;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link HostWifi} over NetworkManager's D-Bus API (NM 1.8+; bus name {@code
 * org.freedesktop.NetworkManager}, on the system bus unless {@link NetworkManagerOptions#dbusAddress()}
 * says otherwise), on one Wi-Fi device.
 *
 * <ul>
 *   <li>{@link #scan}: {@code Device.Wireless.RequestScan}, then {@code GetAllAccessPoints}; one entry
 *       per SSID (the strongest), strongest first; hidden networks are left out.</li>
 *   <li>{@link #join}: {@code AddAndActivateConnection} with a profile for the SSID ({@code wpa-psk},
 *       or open without a password) on the strongest access point of that name, followed to ACTIVATED.
 *       Reasons: the SSID not listed after a scan, or NetworkManager's SSID_NOT_FOUND (53) → {@code
 *       NETWORK_NOT_FOUND}; NO_SECRETS (7) or SUPPLICANT_DISCONNECT (8) → {@code WRONG_PASSWORD};
 *       the time limit → {@code TIMEOUT}; any other NetworkManager reason → {@code FAILED} naming it.
 *       A failed attempt is undone (deactivated, profile deleted, the previous connection re-activated).</li>
 *   <li>{@link HostWifiLink#restore()}: deactivate, delete the join's profile, re-activate the previous one.</li>
 * </ul>
 *
 * <p>The password goes into the {@code AddAndActivateConnection} call and nowhere else: not into a
 * log line, an error message or a {@code toString()}. It is stored by NetworkManager in the profile,
 * which {@code restore()} deletes. Signals ({@code Device.StateChanged}, {@code
 * Connection.Active.StateChanged}) are received on one thread of this backend's own D-Bus connection.
 *
 * <p>One join or restore at a time per device: the caller (the engine) serializes them. Blocking
 * D-Bus calls run on {@code Schedulers.boundedElastic()}; each has the options' call time limit.
 */
public final class NetworkManagerWifi implements HostWifi {
    private final NmSession session;
    private final NetworkManagerOptions options;
    private final NmScanner scanner;
    private final NmJoin joiner;

    private NetworkManagerWifi(NmSession session, NetworkManagerOptions options) {
        this.session = session;
        this.options = options;
        this.scanner = new NmScanner(session);
        this.joiner = new NmJoin(session, options, scanner);
    }

    /**
     * Connects to the bus and selects the Wi-Fi device.
     *
     * @return the backend, or an error {@link HostWifiException} with {@link Reason#UNAVAILABLE} when the
     *         bus cannot be reached, NetworkManager is not on it, or it has no (such) Wi-Fi device;
     *         {@link Reason#TIMEOUT} after {@link NetworkManagerOptions#callTimeout()}
     */
    public static Mono<NetworkManagerWifi> connect(NetworkManagerOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.fromCallable(() -> new NetworkManagerWifi(NmSession.open(options), options))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(options.callTimeout())
                .onErrorMap(TimeoutException.class, e -> new HostWifiException(Reason.TIMEOUT,
                        "NetworkManager did not answer within " + options.callTimeout().toMillis() + " ms", null,
                        "connect to NetworkManager", null));
    }

    /** The Wi-Fi interface in use, e.g. {@code wlan0}. */
    public String interfaceName() {
        return session.interfaceName();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Waits for the scan to finish ({@code LastScan} changes) up to {@code timeout}, then lists what
     * the device sees — also when the scan did not finish in time or was refused (one was running).
     */
    @Override
    public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return scanner.scan(timeout).then(scanner.entries())
                .map(entries -> NmAccessPoints.strongestPerSsid(entries.stream().map(NmAccessPoints.Entry::ap)
                        .toList()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the SSID is not in the device's list, scans once (up to the options' scan time limit, within
     * {@code timeout}) before giving up with {@code NETWORK_NOT_FOUND}. A password that cannot be a WPA2
     * passphrase (8..63 printable ASCII characters, or 64 hex digits) is {@code WRONG_PASSWORD} at once.
     */
    @Override
    public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(timeout, "timeout");
        return Mono.defer(() -> joiner.join(ssid, password, timeout));
    }

    /** {@inheritDoc} Read from the active profile's {@code 802-11-wireless.ssid} while the device is ACTIVATED. */
    @Override
    public Mono<Optional<String>> currentSsid() {
        return session.call("read the current SSID", null, () -> {
            if (DbusValues.integer(session.property(session.devicePath(), NmApi.DEVICE, "State"), -1)
                    != NmApi.DEVICE_ACTIVATED) {
                return Optional.<String>empty();
            }
            String active = session.pathProperty(session.devicePath(), NmApi.DEVICE, "ActiveConnection");
            String profile = active == null ? null : session.pathProperty(active, NmApi.ACTIVE, "Connection");
            if (profile == null) {
                return Optional.<String>empty();
            }
            Map<String, Variant<?>> wireless = session.proxy(profile, NmApi.SettingsConnection.class).GetSettings()
                    .get("802-11-wireless");
            byte[] ssid = wireless == null ? null : DbusValues.bytes(wireless.get("ssid"));
            return ssid == null || ssid.length == 0 ? Optional.<String>empty()
                    : Optional.of(new String(ssid, StandardCharsets.UTF_8));
        });
    }

    /** Closes this backend's D-Bus connection; the host stays on whatever network it is on. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "NetworkManagerWifi[" + session.interfaceName() + " on "
                + (options.dbusAddress() == null ? "the system bus" : options.dbusAddress()) + "]";
    }
}
