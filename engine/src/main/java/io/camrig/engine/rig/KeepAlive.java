package io.camrig.engine.rig;

import io.camrig.engine.metrics.RigMetrics;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends Keep Alive (0x5B) to every healthy, connected camera every
 * {@link RigOptions#keepAliveInterval()} (3 s by default, as the spec advises; Open GoPro BLE spec,
 * "Control" / "Keep Alive"). Each round trip feeds the camera's latency estimate. A failed keep
 * alive is counted, not fatal: a dropped link is handled by the reconnector.
 */
final class KeepAlive {
    private static final Logger log = LoggerFactory.getLogger(KeepAlive.class);

    private final Supplier<List<RigMember>> healthy;
    private final RigOptions options;
    private final RigMetrics metrics;

    KeepAlive(Supplier<List<RigMember>> healthy, RigOptions options, RigMetrics metrics) {
        this.healthy = healthy;
        this.options = options;
        this.metrics = metrics;
    }

    /** Starts the loop; dispose the result to stop it. */
    Disposable start() {
        return Flux.interval(options.keepAliveInterval(), options.camera().scheduler())
                .onBackpressureDrop()
                .concatMap(tick -> Flux.fromIterable(healthy.get())
                        .flatMap(this::probe, options.concurrency())
                        .then(), 1)
                .subscribe();
    }

    /** One keep-alive round trip to one camera, timed into its latency estimate. */
    Mono<Void> probe(RigMember m) {
        return m.camera().filter(c -> c.isConnected()).map(c -> Mono.defer(() -> {
            long start = System.nanoTime();
            return c.keepAlive().doOnSuccess(v -> m.latency().addRoundTrip(System.nanoTime() - start));
        }).onErrorResume(e -> {
            metrics.keepAliveFailed(m);
            log.debug("{}: keep alive failed: {}", m.advertisedName(), e.getMessage());
            return Mono.empty();
        })).orElse(Mono.empty());
    }
}
