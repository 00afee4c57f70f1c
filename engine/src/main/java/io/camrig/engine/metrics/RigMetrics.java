package io.camrig.engine.metrics;

import io.camrig.engine.resilience.CameraPolicy;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rig's meters, all prefixed {@code camrig.}:
 * <ul>
 *   <li>{@code camrig.step} (timer; tags camera, step, outcome ok|failed|skipped): every step of every camera;</li>
 *   <li>{@code camrig.reconnects} (counter; tag camera);</li>
 *   <li>{@code camrig.keepalive.failures} (counter; tag camera);</li>
 *   <li>{@code camrig.fire.spread} (distribution, µs; tag kind write|predicted|observed);</li>
 *   <li>{@code camrig.download.bytes} (counter, bytes; tag camera);</li>
 *   <li>{@code camrig.packets.errors}, {@code camrig.packets.duplicates}, {@code camrig.messages.undecodable}
 *       (function counters; tag camera): what each camera's inbound pipeline discarded;</li>
 *   <li>{@code camrig.retried.calls} (function counter; tag camera): operations sent again after a transient error;</li>
 *   <li>Resilience4j's {@code resilience4j.circuitbreaker.*} per camera.</li>
 * </ul>
 */
public final class RigMetrics {
    private final MeterRegistry registry;
    private final Map<StepKey, Timer> stepTimers = new ConcurrentHashMap<>();

    public RigMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics kept in memory only. */
    public static RigMetrics inMemory() {
        return new RigMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Publishes the circuit breakers of the cameras' policies. */
    public void bind(CameraPolicy.Factory policies) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(policies.breakers()).bindTo(registry);
    }

    /**
     * Publishes a member's discarded packets as function counters: {@code camrig.packets.errors},
     * {@code camrig.packets.duplicates}, {@code camrig.messages.undecodable} and
     * {@code camrig.deliveries.dropped}, and its retried operations as {@code camrig.retried.calls}
     * (tag camera).
     */
    public void watch(MeteredCamera m) {
        FunctionCounter.builder("camrig.retried.calls", m, MeteredCamera::retriedCalls)
                .tag("camera", m.advertisedName()).register(registry);
        FunctionCounter.builder("camrig.packets.errors", m, x -> x.linkStats().packetErrors())
                .tag("camera", m.advertisedName()).register(registry);
        FunctionCounter.builder("camrig.packets.duplicates", m, x -> x.linkStats().duplicatesDropped())
                .tag("camera", m.advertisedName()).register(registry);
        FunctionCounter.builder("camrig.messages.undecodable", m, x -> x.linkStats().decodeErrors())
                .tag("camera", m.advertisedName()).register(registry);
        FunctionCounter.builder("camrig.deliveries.dropped", m, x -> x.linkStats().deliveriesDropped())
                .tag("camera", m.advertisedName()).register(registry);
    }

    /** The total of a function counter across tags, or 0. */
    public double functionTotal(String counter) {
        return registry.find(counter).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }

    /**
     * Records one step of one camera in {@code camrig.step}.
     *
     * @param outcome the outcome tag: {@code ok}, {@code failed} or {@code skipped}
     * @param latency how long the step took on this camera (zero when skipped)
     */
    public void recordStep(MeteredCamera m, String step, String outcome, Duration latency) {
        stepTimers.computeIfAbsent(new StepKey(m.advertisedName(), step, outcome),
                k -> Timer.builder("camrig.step").tag("camera", k.camera()).tag("step", k.step())
                        .tag("outcome", k.outcome()).register(registry))
                .record(latency);
    }

    /** The tags of one {@code camrig.step} timer: looked up per step, so its tags are not rebuilt each time. */
    private record StepKey(String camera, String step, String outcome) {
    }

    public void reconnected(MeteredCamera m) {
        Counter.builder("camrig.reconnects").tag("camera", m.advertisedName()).register(registry).increment();
    }

    public void keepAliveFailed(MeteredCamera m) {
        Counter.builder("camrig.keepalive.failures").tag("camera", m.advertisedName()).register(registry).increment();
    }

    public void fireSpread(String kind, double micros) {
        DistributionSummary.builder("camrig.fire.spread").baseUnit("microseconds").tag("kind", kind)
                .publishPercentiles(0.5, 0.99).register(registry).record(micros);
    }

    public void downloaded(String camera, long bytes) {
        Counter.builder("camrig.download.bytes").baseUnit("bytes").tag("camera", camera).register(registry)
                .increment(bytes);
    }

    /** The total of a counter across tags, or 0. */
    public double total(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
