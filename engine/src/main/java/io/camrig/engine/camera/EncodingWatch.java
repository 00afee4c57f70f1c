package io.camrig.engine.camera;

import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The engine's one wait for encoding (status 10, Open GoPro BLE spec, "Statuses" / "State
 * Management"): used by {@link Camera#awaitEncoding}, by a rig member across reconnects
 * ({@code RigMember.awaitEncoding}, which a rig's fire uses) and so by a recording session.
 *
 * <p>Push updates first: what the status cache shows now (no request; the update then carries
 * the time of the call), then the status pushes (0x93) as they come. Polling as fallback: while
 * it waits it re-reads the status from the camera every {@code poll} (Register for Status Value
 * Updates, 0x53), so a lost push costs at most one poll; a poll that fails is skipped. Errors with
 * {@link NotReadyException} (transient) when the state is not reached within the limit, and with
 * {@link ConnectionClosedException} when the pushes end (the link is gone). Every wait runs on the
 * given scheduler (the camera's, so virtual time in tests).
 *
 * @param camera    the camera's name, for errors
 * @param pushes    status updates as they arrive (any status; the others are ignored)
 * @param current   the cached value of status 10 now, or empty when not known; evaluated per wait
 * @param query     reads status 10 from the camera; evaluated per poll
 * @param scheduler where the time limit and the polls run
 */
public record EncodingWatch(String camera, Flux<StatusUpdate> pushes, Mono<Long> current, Mono<Long> query,
                            Scheduler scheduler) {
    public EncodingWatch {
        Objects.requireNonNull(pushes, "pushes");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Completes with the update showing encoding {@code on} (value 1) or off (value 0).
     *
     * @param limit the time limit; {@link NotReadyException} after it
     * @param poll  the interval between reads of the status; {@link Duration#ZERO} for none
     */
    public Mono<StatusUpdate> await(boolean on, Duration limit, Duration poll) {
        long want = on ? 1 : 0;
        String operation = on ? "await encoding on" : "await encoding off";
        Mono<StatusUpdate> now = current.map(v -> new StatusUpdate(Status.ENCODING.id(), v, System.nanoTime()))
                .onErrorResume(e -> Mono.empty());
        Flux<StatusUpdate> polled = poll.isZero() || poll.isNegative() ? Flux.empty()
                : Flux.interval(poll, poll, scheduler)
                        .concatMap(i -> query.map(v -> new StatusUpdate(Status.ENCODING.id(), v, System.nanoTime()))
                                .onErrorResume(e -> Mono.empty()));
        // Pushes subscribed first, then the cache read: an update between the two is not missed.
        return Flux.merge(pushes, now, polled)
                .filter(u -> u.statusId() == Status.ENCODING.id() && u.value() == want)
                .next()
                .switchIfEmpty(Mono.error(() -> new ConnectionClosedException(camera, operation, null)))
                .timeout(limit, scheduler)
                .onErrorMap(TimeoutException.class, e -> new NotReadyException(camera, operation, limit));
    }
}
