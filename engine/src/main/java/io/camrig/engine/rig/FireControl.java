package io.camrig.engine.rig;

import io.camrig.engine.camera.ArmedShutter;
import io.camrig.engine.camera.ExchangeResult;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.ExchangeTimeoutException;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Synchronized fire of the shutter across a rig, in three steps: arm every camera's Set Shutter
 * ({@link ArmedShutter}: in flight, not written), release the writes from the fire thread so that
 * their predicted arrival instants (write instant + estimated one-way latency) coincide — each
 * camera {@code maxLatency − itsLatency} after the first — then collect each camera's answer and
 * the encoding status (10) that follows.
 *
 * <p>A fire is never silently uncompensated: with compensation on, a camera with no latency
 * estimate yet is measured first ({@value #LATENCY_ROUNDS} Keep Alive round trips, step
 * "latency"); one that does not answer fails that step with {@link LatencyUnknownException} and
 * is left out. Estimates less than 1 ms apart (noise) release every write at once.
 *
 * <p>A shutter command is never blindly resent: when it fails with a transient error, the retry
 * first reads the encoding status (10) of the camera (after a reconnect if one is running); if
 * the command already took effect, the shot counts as fired.
 *
 * <p>Everything a fire starts is owned by it: when it ends or is cancelled (the rig closing in
 * the middle of it), the status watchers are disposed and every shutter still armed gives its
 * command queue back.
 */
final class FireControl {
    /** Keep-alive round trips measured for a camera that has no latency estimate yet. */
    static final int LATENCY_ROUNDS = 3;
    /** Below this spread of latency estimates all writes are released at once. */
    static final long MIN_COMPENSATED_SPREAD_NANOS = 1_000_000;

    private final RigOptions options;
    private final RigRunner runner;
    private final FireClock clock;
    private final FireFigures figures;
    private final Function<RigMember, Mono<Void>> probe;

    FireControl(RigOptions options, RigRunner runner, RigMetrics metrics, Function<RigMember, Mono<Void>> probe) {
        this.options = options;
        this.runner = runner;
        this.figures = new FireFigures(metrics);
        this.probe = probe;
        this.clock = new FireClock(options.realtimeFire());
    }

    Mono<FireResult> fire(List<RigMember> live, boolean on) {
        return fire(live, on, OptionalLong.empty(), Duration.ZERO);
    }

    /**
     * The fire; with {@code arriveAt}, the releases are timed so that the commands arrive at that
     * {@link System#nanoTime()} instant (camera i's write at {@code arriveAt} − its latency), and
     * refused with {@link LateFireException} — nothing written — when late by more than
     * {@code lateLimit}.
     */
    Mono<FireResult> fire(List<RigMember> live, boolean on, OptionalLong arriveAt, Duration lateLimit) {
        return measureMissing(live).then(Mono.defer(() ->
                fireNow(live.stream().filter(RigMember::isHealthy).toList(), on, arriveAt, lateLimit)));
    }

    /** Measures the latency of every member that has none yet, when compensation is on. */
    private Mono<Void> measureMissing(List<RigMember> live) {
        List<RigMember> missing = options.compensateLatency()
                ? live.stream().filter(m -> m.isHealthy() && m.latency().samples() == 0).toList() : List.of();
        if (missing.isEmpty()) {
            return Mono.empty();
        }
        return runner.run(missing, "latency", options.concurrency(), true,
                m -> Flux.range(0, LATENCY_ROUNDS).concatMap(i -> probe.apply(m)).then(Mono.defer(() ->
                        m.latency().samples() > 0 ? Mono.just(m.latency().oneWayNanos())
                                : Mono.error(new LatencyUnknownException(m.advertisedName(), LATENCY_ROUNDS)))),
                ns -> String.format("%.1f ms one way", ns / 1e6), null).then();
    }

    private Mono<FireResult> fireNow(List<RigMember> live, boolean on, OptionalLong arriveAt, Duration lateLimit) {
        String suffix = on ? "on" : "off";
        Duration limit = options.readyTimeout();
        // Latencies as estimated now: they time the release and explain the result.
        Map<RigMember, Long> latencies = new HashMap<>();
        live.stream().filter(m -> m.latency().samples() > 0).forEach(m -> latencies.put(m, m.latency().oneWayNanos()));
        boolean compensated = options.compensateLatency() && latencies.size() == live.size();
        Map<RigMember, Long> offsets = offsets(live, latencies, compensated);
        Disposable.Composite owned = Disposables.composite();
        Map<RigMember, Mono<StatusUpdate>> watchers = new LinkedHashMap<>();
        for (RigMember m : live) {
            // Poll slowly: the push is the precise signal; polling only covers a lost push.
            Mono<StatusUpdate> w = m.awaitEncoding(on, limit, limit.dividedBy(4), options.camera().scheduler()).cache();
            owned.add(w.subscribe(u -> { }, e -> { }));   // watch before firing, so no push is missed
            watchers.put(m, w);
        }
        Map<RigMember, ArmedShutter> armed = new ConcurrentHashMap<>();
        Map<RigMember, Throwable> notArmed = new ConcurrentHashMap<>();
        Duration armLimit = options.camera().exchangeTimeout();
        Mono<Void> arming = Flux.fromIterable(live)
                .flatMap(m -> m.currentCamera().flatMap(c -> c.armShutter(on))
                        .timeout(armLimit, options.camera().scheduler())
                        .doOnNext(a -> armed.put(m, a))
                        .onErrorResume(e -> {
                            notArmed.put(m, e instanceof TimeoutException
                                    ? new ExchangeTimeoutException(m.advertisedName(), "arm shutter", armLimit) : e);
                            return Mono.empty();
                        }), Integer.MAX_VALUE)
                .then();
        long maxLatency = latencies.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Mono<Long> release = arming.then(Mono.defer(() -> {
            List<FireClock.Release> releases = live.stream().filter(armed::containsKey)
                    .map(m -> new FireClock.Release(armed.get(m)::release, offsets.get(m))).toList();
            // Offsets are max latency − own latency: camera i's write goes at T − its latency.
            return arriveAt.isEmpty() ? clock.release(releases)
                    : clock.releaseAt(releases, arriveAt.getAsLong() - maxLatency, lateLimit.toNanos());
        }));
        // Every member gets an outcome: those that failed earlier show as skipped.
        Mono<StatusUpdate> notWatched = Mono.error(new ConnectionClosedException(null, "await encoding", null));
        return release.flatMap(start -> runner.run("shutter " + suffix, Integer.MAX_VALUE, false,
                                m -> shoot(m, on, armed.get(m), notArmed.get(m)), t -> "", null)
                        .flatMap(s -> runner.run("encoding " + suffix, Integer.MAX_VALUE, false,
                                        m -> watchers.getOrDefault(m, notWatched).map(StatusUpdate::receivedNanos), t -> "",
                                        (m, received) -> Duration.ofNanos(received - s.value(m).orElse(received)))
                                .map(e -> figures.result(arriveAt.orElse(start), s, e, latencies, compensated))))
                .onErrorResume(LateFireException.class, late -> runner.run("shutter " + suffix, Integer.MAX_VALUE, false,
                                m -> Mono.<Long>error(late), t -> "", null)
                        .flatMap(s -> runner.run("encoding " + suffix, Integer.MAX_VALUE, false,
                                        m -> Mono.<Long>error(late), t -> "", null)
                                .map(e -> figures.result(arriveAt.orElse(System.nanoTime()), s, e, latencies, compensated))))
                .doFinally(signal -> {
                    owned.dispose();
                    armed.values().forEach(ArmedShutter::dispose);   // no-op for those released
                });
    }

    /** Release offsets: compensation for each camera's estimated one-way latency. */
    private static Map<RigMember, Long> offsets(List<RigMember> live, Map<RigMember, Long> latencies,
                                                boolean compensated) {
        Map<RigMember, Long> offsets = new HashMap<>();
        long max = latencies.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = latencies.values().stream().mapToLong(Long::longValue).min().orElse(0);
        // Latency differences below the noise of the estimates (host queueing) are not worth
        // compensating: staggering by noise only adds skew.
        boolean stagger = compensated && max - min >= MIN_COMPENSATED_SPREAD_NANOS;
        for (RigMember m : live) {
            offsets.put(m, stagger ? max - latencies.get(m) : 0L);
        }
        return offsets;
    }

    /** The released shutter's answer (its write instant), or why it was never armed. */
    private Mono<Long> shoot(RigMember m, boolean on, ArmedShutter shutter, Throwable notArmed) {
        Mono<ExchangeResult> answer = shutter != null ? shutter.release()
                : Mono.error(notArmed != null ? notArmed
                        : new ConnectionClosedException(m.advertisedName(), "arm shutter", null));
        return answer.doOnNext(r -> m.latency().addRoundTrip(r.roundTripNanos()))
                .map(ExchangeResult::writeIssuedNanos)
                .onErrorResume(CameraPolicy::isTransient, e -> retryChecked(m, on, e));
    }

    /** After a transient failure: read the encoding status first; resend only if it did not take. */
    private Mono<Long> retryChecked(RigMember m, boolean on, Throwable first) {
        String step = "shutter " + (on ? "on" : "off") + " retry";
        String after = "after " + first.getClass().getSimpleName() + " (" + first.getMessage() + ")";
        return m.currentCamera()
                .flatMap(c -> c.registerStatusUpdates(Status.ENCODING.id()).flatMap(values -> {
                    boolean encoding = values.getOrDefault(Status.ENCODING.id(), -1L) == 1L;
                    if (encoding == on) {
                        // it took effect; the answer was lost
                        m.record(new StepRecord(step, "ok", Duration.ZERO,
                                "shutter answer lost " + after + "; encoding status showed it had taken effect", ""));
                        return Mono.just(System.nanoTime());
                    }
                    m.record(new StepRecord(step, "ok", Duration.ZERO, "shutter resent " + after, ""));
                    return c.setShutter(on).map(ExchangeResult::writeIssuedNanos);
                }))
                .onErrorMap(e -> e != first, e -> {
                    e.addSuppressed(first);
                    return e;
                });
    }

    FireThread fireThread() {
        return clock.fireThread();
    }

    void close() {
        clock.close();
    }

    /** Completes when the fire thread has ended, after {@link #close()}. */
    Mono<Void> terminated() {
        return clock.terminated();
    }
}
