package io.camrig.engine.rig;

import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.resilience.CameraPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one step on every member of a rig with a concurrency bound and per-camera isolation: a
 * member that already failed is skipped; each attempt goes through the member's Resilience4j
 * policies; the outcome is logged on the member and timed in the metrics; a failure marks the
 * member failed and never reaches the other members, except a caller's mistake refused before
 * sending ({@link CameraPolicy#isCallerError}), which fails that step only.
 */
final class RigRunner {
    private final List<RigMember> members;
    private final RigMetrics metrics;

    RigRunner(List<RigMember> members, RigMetrics metrics) {
        this.members = members;
        this.metrics = metrics;
    }

    /** The step as a whole. {@code latencyOf} overrides the measured latency when not null. */
    <T> Mono<RigResult<T>> run(String step, int concurrency, boolean idempotent, Function<RigMember, Mono<T>> op,
                               Function<T, String> detail, BiFunction<RigMember, T, Duration> latencyOf) {
        return run(members, step, concurrency, idempotent, op, detail, latencyOf);
    }

    /** The step on some of the members only (the result has no outcome for the others). */
    <T> Mono<RigResult<T>> run(List<RigMember> some, String step, int concurrency, boolean idempotent,
                               Function<RigMember, Mono<T>> op, Function<T, String> detail,
                               BiFunction<RigMember, T, Duration> latencyOf) {
        return Flux.fromIterable(some)
                .flatMapSequential(m -> attempt(step, m, idempotent, op, detail, latencyOf).map(o -> Map.entry(m, o)),
                        concurrency)
                .collectList()
                .map(entries -> {
                    Map<RigMember, Outcome<T>> outcomes = new LinkedHashMap<>();
                    entries.forEach(e -> outcomes.put(e.getKey(), e.getValue()));
                    return new RigResult<>(step, outcomes);
                });
    }

    private <T> Mono<Outcome<T>> attempt(String step, RigMember m, boolean idempotent, Function<RigMember, Mono<T>> op,
                                         Function<T, String> detail, BiFunction<RigMember, T, Duration> latencyOf) {
        if (!m.isHealthy()) {
            Outcome<T> skipped = new Outcome.Skipped<>("failed earlier in " + m.failedStep().orElse("?"));
            m.record(StepRecord.of(step, skipped, ""));
            return Mono.just(skipped);
        }
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return m.policy().apply(step, idempotent, Mono.defer(() -> op.apply(m)))
                    .map(v -> (Outcome<T>) new Outcome.Ok<>(v, latencyOf != null ? latencyOf.apply(m, v)
                            : Duration.ofNanos(System.nanoTime() - start)))
                    .switchIfEmpty(Mono.fromSupplier(() -> new Outcome.Ok<>(null, Duration.ofNanos(System.nanoTime() - start))))
                    .onErrorResume(e -> Mono.just(new Outcome.Failed<>(e, Duration.ofNanos(System.nanoTime() - start))))
                    .doOnNext(o -> {
                        String d = o instanceof Outcome.Ok<T> ok && ok.value() != null ? detail.apply(ok.value()) : "";
                        m.record(StepRecord.of(step, o, d));
                        metrics.recordStep(m, step, outcomeTag(o), o.latency());
                        // The caller's mistake fails this call only; the camera stays healthy.
                        if (o instanceof Outcome.Failed<T> f && !CameraPolicy.isCallerError(f.cause())) {
                            m.fail(step, f.cause());
                        }
                    });
        });
    }

    /** The {@code outcome} tag of {@code camrig.step}: {@code ok}, {@code failed} or {@code skipped}. */
    static String outcomeTag(Outcome<?> o) {
        return o instanceof Outcome.Ok ? "ok" : o instanceof Outcome.Failed ? "failed" : "skipped";
    }
}
