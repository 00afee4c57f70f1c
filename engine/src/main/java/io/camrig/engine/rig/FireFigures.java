package io.camrig.engine.rig;

import io.camrig.engine.metrics.RigMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns a fire's raw instants ({@link System#nanoTime()}) into its {@link FireResult}: per-camera
 * durations from the start of the release, and spreads in µs, recorded in the metrics.
 */
final class FireFigures {
    private final RigMetrics metrics;

    FireFigures(RigMetrics metrics) {
        this.metrics = metrics;
    }

    FireResult result(long start, RigResult<Long> shutter, RigResult<Long> encoding, Map<RigMember, Long> latencies,
                      boolean compensated) {
        List<Long> writes = new ArrayList<>();
        List<Long> predicted = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        boolean allEstimated = true;
        for (RigMember m : shutter.succeeded()) {
            long w = shutter.value(m).orElseThrow();
            Long latency = latencies.get(m);
            allEstimated &= latency != null;
            long oneWay = latency == null ? 0L : latency;
            writes.add(w);
            predicted.add(w + oneWay);
            encoding.value(m).ifPresent(r -> {
                received.add(r);
                observed.add(r - oneWay);   // the camera-side instant, less the return trip
            });
        }
        OptionalLong writeSpread = spreadMicros(writes);
        OptionalLong predictedSpread = allEstimated ? spreadMicros(predicted) : OptionalLong.empty();
        OptionalLong observedSpread = spreadMicros(observed);
        OptionalLong receivedSpread = spreadMicros(received);
        writeSpread.ifPresent(v -> metrics.fireSpread("write", v));
        predictedSpread.ifPresent(v -> metrics.fireSpread("predicted", v));
        observedSpread.ifPresent(v -> metrics.fireSpread("observed", v));
        return new FireResult(since(start, shutter), since(start, encoding), compensated, writeSpread,
                predictedSpread, observedSpread, receivedSpread);
    }

    private static OptionalLong spreadMicros(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        return OptionalLong.of((max - min) / 1_000);
    }

    /** The same outcomes, each instant as the time after {@code start}. */
    private static RigResult<Duration> since(long start, RigResult<Long> instants) {
        Map<RigMember, Outcome<Duration>> outcomes = new LinkedHashMap<>();
        instants.outcomes().forEach((m, o) -> {
            Outcome<Duration> d;
            if (o instanceof Outcome.Ok<Long> ok) {
                d = new Outcome.Ok<>(ok.value() == null ? null : Duration.ofNanos(ok.value() - start), ok.latency());
            } else if (o instanceof Outcome.Failed<Long> f) {
                d = new Outcome.Failed<>(f.cause(), f.latency());
            } else {
                d = new Outcome.Skipped<>(((Outcome.Skipped<Long>) o).reason());
            }
            outcomes.put(m, d);
        });
        return new RigResult<>(instants.step(), outcomes);
    }
}
