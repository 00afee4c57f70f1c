package io.camrig.http.wifi;

import reactor.core.publisher.Mono;

/**
 * A Wi-Fi link the host joined through {@link HostWifi#join}: which network, and how to leave it.
 */
public interface HostWifiLink {
    /** The network joined. */
    String ssid();

    /** The connection that was active before the join, if any (its SSID or profile name). */
    java.util.Optional<String> previous();

    /**
     * Disconnects from {@link #ssid()} and re-activates the previous connection, if there was one.
     * Completes once the previous connection is active again (or at once when there was none);
     * errors with a {@link HostWifiException} when it cannot be restored.
     */
    Mono<Void> restore();
}
