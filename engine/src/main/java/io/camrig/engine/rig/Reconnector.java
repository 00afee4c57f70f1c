package io.camrig.engine.rig;

import io.camrig.ble.spi.BleCentral;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.metrics.RigMetrics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.camrig.engine.error.ConnectionClosedException;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import io.camrig.engine.resilience.Backoff;

/**
 * Watches each member's link and brings it back when it drops: reconnect with exponential backoff
 * and jitter, re-enable notifications (done by {@link Camera#open}), restore the status
 * registrations and camera control, and hand the new camera to the member — its status stream
 * goes on without an error. A camera that stays gone after {@link RigOptions#reconnectAttempts()}
 * attempts is marked failed with {@link CameraGoneException}; nothing waits for it forever.
 *
 * <p>Every subscription it starts (link watchers, reconnects, their backoff timers) is owned and
 * cancelled by {@link #close()}; a reconnect that lands after that disposes its new camera instead
 * of attaching it.
 */
final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    private final BleCentral central;
    private final RigOptions options;
    private final RigMetrics metrics;
    private final Disposable.Composite owned = Disposables.composite();
    private final Sinks.One<Boolean> closing = Sinks.one();
    private volatile boolean closed;

    Reconnector(BleCentral central, RigOptions options, RigMetrics metrics) {
        this.central = central;
        this.options = options;
        this.metrics = metrics;
    }

    /** Attaches a freshly opened camera to its member and watches its link. */
    void attach(RigMember m, Camera camera) {
        m.attach(camera);
        if (closed) {
            // Closed meanwhile: the rig may have disposed its cameras before this one came.
            camera.dispose();
            return;
        }
        owned.add(camera.states().filter(s -> s == ConnectionState.DISCONNECTED).next()
                .subscribe(s -> linkLost(m, camera)));
    }

    private void linkLost(RigMember m, Camera lost) {
        if (closed || !m.isHealthy() || m.camera().orElse(null) != lost || options.reconnectAttempts() < 1) {
            return;
        }
        log.info("{}: BLE link lost, reconnecting", m.advertisedName());
        owned.add(reconnect(m).subscribe(c -> { }, e -> { }));
    }

    /** Reconnects a member now (with backoff); the result is also what {@link RigMember#currentCamera()} waits on. */
    Mono<Camera> reconnect(RigMember m) {
        Mono<Camera> pending = Mono.defer(() -> central.connect(m.address()))
                .flatMap(link -> Camera.open(link, m.advertisedName(), options.camera()))
                .flatMap(c -> restore(m, c).doOnError(e -> c.dispose()).doOnCancel(c::dispose))
                .retryWhen(Backoff.of(options.reconnectAttempts(), options.reconnectBackoff(),
                                options.reconnectBackoff().multipliedBy(16), 0.5, options.camera().scheduler())
                        .filter(e -> !closed))
                // Closing cancels the attempt in progress and its backoff timer.
                .takeUntilOther(closing.asMono())
                .switchIfEmpty(Mono.error(() -> new ConnectionClosedException(m.advertisedName(),
                        "reconnect: the rig was disposed", null)))
                .flatMap(c -> {
                    if (closed) {
                        c.dispose();
                        return Mono.error(new ConnectionClosedException(m.advertisedName(),
                                "reconnect: the rig was disposed", null));
                    }
                    return Mono.just(c);
                })
                .onErrorMap(e -> !(e instanceof ConnectionClosedException && closed),
                        e -> new CameraGoneException(m.advertisedName(), options.reconnectAttempts(), e))
                .doOnNext(c -> {
                    attach(m, c);
                    m.reconnected();
                    metrics.reconnected(m);
                    log.info("{}: reconnected", m.advertisedName());
                })
                .doOnError(e -> {
                    m.reconnecting(null);
                    m.record(StepRecord.of("reconnect", new Outcome.Failed<>(e, Duration.ZERO), ""));
                    m.fail("reconnect", e);
                })
                .cache();
        m.reconnecting(pending);
        return pending;
    }

    /** Re-registers the member's statuses and re-claims control on a (new) camera. */
    Mono<Camera> restore(RigMember m, Camera c) {
        int[] statuses = m.registeredStatuses().stream().mapToInt(Integer::intValue).toArray();
        Mono<?> registered = statuses.length == 0 ? Mono.empty() : c.registerStatusUpdates(statuses);
        Mono<Void> control = m.controlClaimed() ? c.claimControl() : Mono.empty();
        return registered.then(control).thenReturn(c);
    }

    /**
     * Brings a failed member back (step "recover"): its camera if the link is up, else a
     * reconnect; then the rig's status registrations and camera control, and its failure cleared.
     */
    Mono<RigMember> recover(RigMember m, java.util.Set<Integer> registered, boolean controlClaimed) {
        return m.camera().filter(Camera::isConnected).map(Mono::just)
                .orElseGet(() -> reconnect(m))
                .flatMap(c -> {
                    m.registeredStatuses().addAll(registered);
                    m.controlClaimed(controlClaimed);
                    return restore(m, c);
                })
                .map(c -> {
                    m.clearFailure();
                    m.record(StepRecord.of("recover", new Outcome.Ok<>(c, Duration.ZERO), ""));
                    return m;
                });
    }

    /** Cancels every reconnect and link watcher; a reconnect landing later disposes its camera. */
    void close() {
        closed = true;
        closing.tryEmitValue(Boolean.TRUE);
        owned.dispose();
    }
}
