package io.camrig.engine.rig;

import io.camrig.engine.camera.ExchangeResult;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.proto.id.StatusId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Synchronized fire of the shutter across a rig: arm every camera's request, then release the
 * writes so that their predicted arrival instants (write instant + estimated one-way latency)
 * coincide — each camera {@code maxLatency − itsLatency} after the first. With no estimates yet,
 * estimates less than 1 ms apart (noise), or compensation off, all writes are released at once.
 *
 * <p>A shutter command is never blindly resent: when it fails with a transient error, the retry
 * first reads the encoding status (10) of the camera (after a reconnect if one is running); if
 * the command already took effect, the shot counts as fired.
 */
final class FireControl {
    private final RigOptions options;
    private final RigRunner runner;
    private final RigMetrics metrics;
    private final FireClock clock;
    /** Below this spread of latency estimates all writes are released at once. */
    static final long MIN_COMPENSATED_SPREAD_NANOS = 1_000_000;

    FireControl(RigOptions options, RigRunner runner, RigMetrics metrics) {
        this.options = options;
        this.runner = runner;
        this.metrics = metrics;
        this.clock = new FireClock(options.realtimeFire());
    }

    Mono<FireResult> fire(List<RigMember> live, boolean on) {
        return fire(live, on, OptionalLong.empty(), Duration.ZERO);
    }

    /**
     * The fire; with {@code arriveAt}, the releases are timed so that the commands arrive at that
     * {@link System#nanoTime()} instant, and refused when late by more than {@code lateLimit}.
     */
    Mono<FireResult> fire(List<RigMember> live, boolean on, OptionalLong arriveAt, Duration lateLimit) {
        String suffix = on ? "on" : "off";
        Duration limit = options.readyTimeout();
        Map<RigMember, Mono<StatusUpdate>> watchers = new LinkedHashMap<>();
        Map<RigMember, Sinks.Empty<Void>> triggers = new HashMap<>();
        // Latencies as estimated now: they time the release and explain the result.
        Map<RigMember, Long> latencies = new HashMap<>();
        live.forEach(m -> latencies.put(m, m.latency().oneWayNanos()));
        Map<RigMember, Long> offsets = offsets(live, latencies);
        for (RigMember m : live) {
            // Poll slowly: the push is the precise signal; polling only covers a lost push.
            Mono<StatusUpdate> w = m.awaitEncoding(on, limit, limit.dividedBy(4), options.camera().scheduler()).cache();
            w.subscribe(u -> { }, e -> { });   // watch before firing, so no push is missed
            watchers.put(m, w);
            triggers.put(m, Sinks.empty());
        }
        Sinks.Empty<Void> armed = Sinks.empty();
        AtomicInteger toArm = new AtomicInteger(live.size());
        Runnable onArmed = () -> {
            if (toArm.decrementAndGet() == 0) {
                armed.tryEmitEmpty();
            }
        };
        Mono<Void> release = (live.isEmpty() ? Mono.<Void>empty() : armed.asMono())
                .timeout(options.camera().exchangeTimeout(), Mono.empty(), options.camera().scheduler())
                .then(Mono.defer(() -> {
                    List<FireClock.Release> releases = live.stream()
                            .map(m -> new FireClock.Release(triggers.get(m), offsets.get(m))).toList();
                    if (arriveAt.isEmpty()) {
                        return clock.release(releases);
                    }
                    // Offsets are max latency − own latency: camera i's write goes at T − its latency.
                    long maxLatency = latencies.values().stream().mapToLong(Long::longValue).max().orElse(0);
                    return clock.releaseAt(releases, arriveAt.getAsLong() - maxLatency, lateLimit.toNanos());
                }));
        Mono<RigResult<Long>> shutter = runner.run("shutter " + suffix, Integer.MAX_VALUE, false,
                        m -> shoot(m, on, triggers.getOrDefault(m, Sinks.empty()), onArmed), t -> "", null)
                .zipWith(release.then(Mono.just(Boolean.TRUE)), (r, released) -> r);
        return shutter.flatMap(s -> runner.run("encoding " + suffix, Integer.MAX_VALUE, false,
                        m -> watchers.get(m).map(StatusUpdate::receivedNanos), t -> "",
                        (m, received) -> Duration.ofNanos(received - s.value(m).orElse(received)))
                .map(e -> result(s, e, latencies)));
    }

    /** Release offsets: compensation for each camera's estimated one-way latency. */
    private Map<RigMember, Long> offsets(List<RigMember> live, Map<RigMember, Long> latencies) {
        Map<RigMember, Long> offsets = new HashMap<>();
        long max = latencies.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = latencies.values().stream().mapToLong(Long::longValue).min().orElse(0);
        // Latency differences below the noise of the estimates (host queueing) are not worth
        // compensating: staggering by noise only adds skew.
        boolean compensate = options.compensateLatency() && max - min >= MIN_COMPENSATED_SPREAD_NANOS
                && live.stream().allMatch(m -> m.latency().samples() > 0);
        for (RigMember m : live) {
            offsets.put(m, compensate ? max - latencies.get(m) : 0L);
        }
        return offsets;
    }

    private Mono<Long> shoot(RigMember m, boolean on, Sinks.Empty<Void> trigger, Runnable onArmed) {
        return m.currentCamera()
                .doOnError(e -> onArmed.run())
                .flatMap(c -> c.setShutterArmed(on, trigger.asMono(), onArmed))
                .doOnNext(r -> m.latency().addRoundTrip(r.roundTripNanos()))
                .map(ExchangeResult::writeIssuedNanos)
                // A refused late release wrote nothing and must not be retried (that would fire late).
                .onErrorMap(e -> e.getCause() instanceof LateFireException, Throwable::getCause)
                .onErrorResume(CameraPolicy::isTransient, e -> retryChecked(m, on, e));
    }

    /** After a transient failure: read the encoding status first; resend only if it did not take. */
    private Mono<Long> retryChecked(RigMember m, boolean on, Throwable first) {
        return m.currentCamera()
                .flatMap(c -> c.registerStatusUpdates(StatusId.ENCODING).flatMap(values -> {
                    boolean encoding = values.getOrDefault(StatusId.ENCODING, -1L) == 1L;
                    if (encoding == on) {
                        return Mono.just(System.nanoTime());   // it took effect; the answer was lost
                    }
                    return c.setShutter(on).map(ExchangeResult::writeIssuedNanos);
                }))
                .onErrorMap(e -> e != first, e -> {
                    e.addSuppressed(first);
                    return e;
                });
    }

    private FireResult result(RigResult<Long> shutter, RigResult<Long> encoding, Map<RigMember, Long> latencies) {
        List<Long> writes = new ArrayList<>();
        List<Long> predicted = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        for (RigMember m : shutter.succeeded()) {
            long w = shutter.value(m).orElseThrow();
            long latency = latencies.getOrDefault(m, 0L);
            writes.add(w);
            predicted.add(w + latency);
            encoding.value(m).ifPresent(r -> {
                received.add(r);
                observed.add(r - latency);   // the camera-side instant, less the return trip
            });
        }
        OptionalLong writeSpread = spread(writes).stream().mapToLong(v -> v / 1_000).findFirst();
        OptionalLong predictedSpread = spread(predicted).stream().mapToLong(v -> v / 1_000).findFirst();
        OptionalDouble observedSpread = spread(observed).stream().mapToDouble(v -> v / 1e6).findFirst();
        OptionalDouble receivedSpread = spread(received).stream().mapToDouble(v -> v / 1e6).findFirst();
        writeSpread.ifPresent(v -> metrics.fireSpread("write", v));
        predictedSpread.ifPresent(v -> metrics.fireSpread("predicted", v));
        observedSpread.ifPresent(v -> metrics.fireSpread("observed", v * 1000));
        return new FireResult(shutter, encoding, writeSpread, predictedSpread, observedSpread, receivedSpread);
    }

    private static List<Long> spread(List<Long> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        return List.of(max - min);
    }

    FireThread fireThread() {
        return clock.fireThread();
    }

    void close() {
        clock.close();
    }
}
