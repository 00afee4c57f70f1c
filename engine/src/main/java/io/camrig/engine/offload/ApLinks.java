package io.camrig.engine.offload;

import io.camrig.http.wifi.HostWifiLink;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The camera APs an {@link Offloader} has joined and not yet left. A cancelled offload leaves its
 * AP in the background (a cancel cannot wait); a process that stops (Ctrl-C) waits for {@link
 * #allLeft()} before it closes the host's Wi-Fi backend or exits, so the host is given back its
 * own network. Thread-safe.
 */
final class ApLinks {
    private final Map<HostWifiLink, Sinks.Empty<Void>> held = Collections.synchronizedMap(new IdentityHashMap<>());

    /** {@code join}, its link recorded as held once it is up. */
    Mono<HostWifiLink> join(Mono<HostWifiLink> join) {
        return join.doOnNext(link -> held.put(link, Sinks.empty()));
    }

    /** Leaves {@code link} ({@link HostWifiLink#restore()}); it stops being held when that ends, however it ends. */
    Mono<Void> leave(HostWifiLink link) {
        return link.restore().doFinally(s -> {
            Sinks.Empty<Void> left = held.remove(link);
            if (left != null) {
                left.tryEmitEmpty();
            }
        });
    }

    /** Completes once every link held now has been left (at once when none is). */
    Mono<Void> allLeft() {
        List<Sinks.Empty<Void>> now;
        synchronized (held) {
            now = List.copyOf(held.values());
        }
        return Flux.fromIterable(now).flatMap(Sinks.Empty::asMono).then();
    }
}
