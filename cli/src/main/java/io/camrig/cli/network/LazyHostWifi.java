package io.camrig.cli.network;

import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * A host Wi-Fi opened on first use: a command that may or may not reach cameras over their APs
 * (the demo over BlueZ) connects to the host's network service (NetworkManager over D-Bus) only
 * when the first camera's AP is to be joined, so a machine without it fails there, for that
 * camera, and not before the BLE part has had its say. A failure to open is remembered: every
 * later call fails with the same error, without asking again.
 */
final class LazyHostWifi implements HostWifi {
    private final Mono<HostWifi> opened;
    private final AtomicReference<HostWifi> backend = new AtomicReference<>();

    /** @param open opens the backend when first subscribed */
    LazyHostWifi(Mono<? extends HostWifi> open) {
        this.opened = open.<HostWifi>map(w -> w).doOnNext(backend::set).cache();
    }

    @Override
    public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
        return opened.flatMap(w -> w.scan(timeout));
    }

    @Override
    public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
        return opened.flatMap(w -> w.join(ssid, password, timeout));
    }

    @Override
    public Mono<Optional<String>> currentSsid() {
        return opened.flatMap(HostWifi::currentSsid);
    }

    /** Closes the backend when it was opened; nothing otherwise. */
    @Override
    public void close() {
        HostWifi w = backend.getAndSet(null);
        if (w != null) {
            w.close();
        }
    }
}
