package io.camrig.engine.camera;

import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Waits for a camera's readiness from its status cache: not busy (status 8) and not encoding
 * (status 10). Source: Open GoPro BLE spec, "State Management". (Waiting for encoding on or off
 * is {@link EncodingWatch}.)
 */
final class Readiness {
    private final CameraLink link;
    private final StatusCache statuses;
    private final Flux<StatusUpdate> statusHub;

    Readiness(CameraLink link, StatusCache statuses, Flux<StatusUpdate> statusHub) {
        this.link = link;
        this.statuses = statuses;
        this.statusHub = statusHub;
    }

    Mono<Void> awaitReady(Duration timeout) {
        return await(c -> c.isClear(Status.BUSY.id()) && c.isClear(Status.ENCODING.id()), "await ready", timeout).then();
    }

    private Mono<StatusUpdate> await(Predicate<StatusCache> condition, String operation, Duration timeout) {
        Mono<StatusUpdate> now = Mono.fromCallable(() -> new StatusUpdate(Status.ENCODING.id(),
                statuses.get(Status.ENCODING.id()).orElse(-1L), System.nanoTime()));
        Flux<StatusUpdate> changes = statusHub;
        return link.deliver(Flux.merge(changes, now)
                .filter(u -> condition.test(statuses))
                .next()
                .switchIfEmpty(Mono.error(() -> new ConnectionClosedException(link.name(), operation, null)))
                .timeout(timeout, link.options().scheduler())
                .onErrorMap(TimeoutException.class, e -> new NotReadyException(link.name(), operation, timeout)));
    }
}
