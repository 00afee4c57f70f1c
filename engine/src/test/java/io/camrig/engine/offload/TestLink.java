package io.camrig.engine.offload;

import io.camrig.http.wifi.HostWifiLink;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** A host Wi-Fi link for tests: joined {@code ssid}, no previous network, {@code onRestore} run when left. */
record TestLink(String ssid, Runnable onRestore) implements HostWifiLink {
    @Override
    public Optional<String> previous() {
        return Optional.empty();
    }

    @Override
    public Mono<Void> restore() {
        return Mono.fromRunnable(onRestore);
    }
}
