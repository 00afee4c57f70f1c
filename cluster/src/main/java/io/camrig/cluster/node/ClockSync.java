package io.camrig.cluster.node;

import io.camrig.cluster.Topics;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.OffsetEstimator;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.wire.ClockExchange;
import io.camrig.cluster.wire.Wire;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The node's side of the clock exchanges: sends t1, notes t4 when the coordinator's answer
 * arrives, feeds the {@link OffsetEstimator}. An exchange unanswered within 1 s is dropped.
 */
final class ClockSync {
    private static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(1);

    private final String node;
    private final MqttLink link;
    private final ClusterClock clock;
    private final OffsetEstimator estimator = new OffsetEstimator();
    private final AtomicLong seq = new AtomicLong();
    private final Map<Long, Sinks.One<Boolean>> pending = new ConcurrentHashMap<>();

    ClockSync(String node, MqttLink link, ClusterClock clock) {
        this.node = node;
        this.link = link;
        this.clock = clock;
    }

    /** One exchange; completes true when answered in time. */
    Mono<Boolean> exchange() {
        return Mono.defer(() -> {
            long n = seq.incrementAndGet();
            Sinks.One<Boolean> answered = Sinks.one();
            pending.put(n, answered);
            long t1 = clock.nowNanos();
            return link.publish(Topics.clockRequest(node), Wire.encode(new ClockExchange(n, t1, 0, 0)), false, false, 0)
                    .then(answered.asMono())
                    .timeout(EXCHANGE_LIMIT, Mono.just(false))
                    .doFinally(s -> pending.remove(n));
        });
    }

    /** {@code n} exchanges one after the other, then the estimate. */
    Mono<Optional<OffsetEstimator.Estimate>> burst(int n) {
        return Flux.range(0, n).concatMap(i -> exchange().onErrorReturn(false)).then(Mono.fromSupplier(this::estimate));
    }

    /**
     * At least {@code min} exchanges one after the other, then more until the estimate is within
     * {@code targetNanos} or {@code max} were made; then the estimate. A quick path is done after
     * {@code min}; a busy one gets more chances at a quick leg before the node decides.
     */
    Mono<Optional<OffsetEstimator.Estimate>> burstUntil(int min, int max, long targetNanos) {
        return Flux.range(0, max)
                .concatMap(i -> exchange().onErrorReturn(false).map(answered -> i + 1 >= min
                        && estimate().filter(e -> e.uncertaintyNanos() <= targetNanos).isPresent()))
                .takeUntil(done -> done)
                .then(Mono.fromSupplier(this::estimate));
    }

    /** The coordinator's answer: t4 is the instant the MQTT client handed it over. */
    void onAnswer(MqttLink.Message m) {
        long t4 = clock.clockAt(m.receivedNanos());
        ClockExchange a = Wire.decode(m.payload(), ClockExchange.class, m.topic());
        Sinks.One<Boolean> p = pending.remove(a.seq());
        if (p != null) {
            estimator.add(a.t1(), a.t2(), a.t3(), t4);
            p.tryEmitValue(true);
        }
    }

    Optional<OffsetEstimator.Estimate> estimate() {
        return estimator.estimate(clock.nowNanos());
    }

    /** The estimate for node instant {@code atNode} (a coming fire instant: the drift until then counts). */
    Optional<OffsetEstimator.Estimate> estimateAt(long atNode) {
        return estimator.estimate(atNode);
    }

    /** After a reconnect the path through the broker may differ: start over. */
    void reset() {
        estimator.clear();
    }
}
