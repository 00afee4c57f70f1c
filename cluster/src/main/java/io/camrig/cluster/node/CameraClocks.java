package io.camrig.cluster.node;

import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.OffsetEstimator;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Sets the node's cameras' clocks from the coordinator's time: this host's clock corrected by the
 * estimated offset (coordinator − node, {@link OffsetEstimator}). Open GoPro's Set Date/Time
 * (0x0D) carries whole seconds, applied when the command arrives, so each camera's write is timed
 * to arrive when the coordinator's clock reads a whole second S (its write at S − the camera's
 * one-way BLE latency) and carries S: every camera of every node then reads the coordinator's time,
 * to within the offset's uncertainty, the timer's and the link's jitter, and its footage's start
 * timecodes compare across nodes (issue 18 point 4).
 *
 * <p>When: once, in the background, as soon as the offset's uncertainty is within
 * {@link #TRUSTED_NANOS} (unless an arm came first), and at every arm ({@link #beforeTake}) when
 * no set was made yet or the offset has moved by more than {@link #MOVED_NANOS} (and more than its
 * uncertainty) since the last one: the arm answers only after it, so the set never competes with
 * the fire for the BLE command channel; never while the cameras record (after a shutter-on fire,
 * until shutter off). Each camera's last set is kept ({@link #applied}) for the take's manifest. A
 * camera that refuses the command keeps its own clock (logged, no error to the caller).
 */
final class CameraClocks {
    /** The offset uncertainty under which the node sets its cameras' clocks unprompted, ns (5 ms). */
    static final long TRUSTED_NANOS = 5_000_000L;
    /** How far the offset may move before the next arm sets the clocks again, ns (3 ms). */
    static final long MOVED_NANOS = 3_000_000L;
    /** The least time between deciding and the first write, ns (150 ms). */
    static final long LEAD_NANOS = 150_000_000L;
    /** How far off a set may land before it is made again, ns (10 ms: under a third of a frame at 30 fps). */
    static final long LANDED_NANOS = 10_000_000L;
    /** The most Set Date/Time commands per camera per set. */
    static final int ATTEMPTS = 3;
    private static final long SECOND = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(CameraClocks.class);

    private final String node;
    private final Rig rig;
    private final ClusterClock clock;
    private final ZoneId zone;
    private final Scheduler timer;
    private final Map<Integer, CameraClockSet> applied = new ConcurrentHashMap<>();
    private final Map<Integer, Long> halfRoundTrips = new ConcurrentHashMap<>();
    private final Sinks.Many<CameraClockSet> sets = Sinks.many().replay().limit(256);
    private volatile Long offsetAtSet;
    private volatile boolean armed;
    private volatile boolean recording;
    private Mono<Void> running;

    CameraClocks(String node, Rig rig, ClusterClock clock, ZoneId zone, Scheduler timer) {
        this.node = node;
        this.rig = rig;
        this.clock = clock;
        this.zone = zone;
        this.timer = timer;
    }

    /**
     * When the node's cameras' clocks are due: each camera's write is {@code writeAfter} from now
     * and carries coordinator instant {@code atNanos}, a whole second.
     *
     * @param coordinatorNowNanos the coordinator's clock now (node clock + offset), ns since the epoch
     * @param oneWayNanos the camera's one-way BLE latency, ns
     */
    record Plan(long atNanos, Duration writeAfter) {
        static Plan of(long coordinatorNowNanos, long oneWayNanos) {
            long at = Math.floorDiv(coordinatorNowNanos + LEAD_NANOS + SECOND - 1, SECOND) * SECOND;
            return new Plan(at, Duration.ofNanos(Math.max(0, at - coordinatorNowNanos - oneWayNanos)));
        }
    }

    /** After a background clock exchange: the first set, once the offset is trusted and before any arm. */
    void onEstimate(Optional<OffsetEstimator.Estimate> est) {
        if (offsetAtSet == null && !armed && est.filter(e -> e.uncertaintyNanos() <= TRUSTED_NANOS).isPresent()) {
            set(est.get()).subscribe(null, e -> log.warn("node {}: camera clocks not set: {}", node, e.toString()));
        }
    }

    /**
     * At an arm with this (accepted) estimate: sets the clocks when none was set yet or the offset
     * moved by more than {@link #MOVED_NANOS} and more than the estimate's uncertainty; completes
     * when done (at once otherwise).
     */
    Mono<Void> beforeTake(OffsetEstimator.Estimate est) {
        armed = true;
        return Mono.defer(() -> {
            Long at = offsetAtSet;
            if (recording) {
                // The arm before shutter off: a clock moved mid-take would split the take's footage.
                return Mono.empty();
            }
            // A move within the estimate's own uncertainty is noise, not a reason to set again.
            return at == null || Math.abs(est.offsetNanos() - at) > Math.max(MOVED_NANOS, est.uncertaintyNanos())
                    ? set(est) : Mono.empty();
        });
    }

    /** After a fire: {@code on} the cameras record until the next fire, and their clocks are left alone. */
    void fired(boolean on) {
        recording = on;
    }

    /** The last set of each camera, by rig index. */
    Optional<CameraClockSet> applied(int index) {
        return Optional.ofNullable(applied.get(index));
    }

    /** Every camera clock set, as made; the last 256 replayed. */
    Flux<CameraClockSet> sets() {
        return sets.asFlux();
    }

    /** One set of every healthy camera at a time; a second caller joins the one under way. */
    private synchronized Mono<Void> set(OffsetEstimator.Estimate est) {
        if (running == null) {
            long offset = est.offsetNanos();
            running = Flux.fromIterable(rig.members()).filter(RigMember::isHealthy)
                    .flatMap(m -> setOne(m, est))
                    .then(Mono.fromRunnable(() -> offsetAtSet = offset))
                    .doFinally(s -> {
                        synchronized (this) {
                            running = null;
                        }
                    })
                    .then()
                    .cache();
        }
        return running;
    }

    private Mono<Void> setOne(RigMember m, OffsetEstimator.Estimate est) {
        return attempt(m, est, 1)
                .doOnNext(s -> {
                    applied.put(m.index(), s);
                    synchronized (sets) {
                        sets.tryEmitNext(s);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("node {}: {} kept its own clock: {}", node, m.advertisedName(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * One timed Set Date/Time; when it landed more than {@link #LANDED_NANOS} off (the timer was
     * late on a busy host, or the link's latency is not known yet) it is made again at the next
     * second with the round trip just seen, up to {@link #ATTEMPTS} times; the last one stands.
     */
    private Mono<CameraClockSet> attempt(RigMember m, OffsetEstimator.Estimate est, int n) {
        return Mono.defer(() -> {
            long oneWay = m.latency().samples() > 0 ? m.latency().oneWayNanos() : halfRoundTrips.getOrDefault(m.index(), 0L);
            Plan plan = Plan.of(clock.nowNanos() + est.offsetNanos(), oneWay);
            LocalDateTime value = LocalDateTime.ofInstant(Instant.ofEpochSecond(plan.atNanos() / SECOND), zone);
            return Mono.delay(plan.writeAfter(), timer)
                    .then(m.currentCamera())
                    .flatMap(c -> {
                        long write = System.nanoTime();
                        return c.setDateTime(value).then(Mono.fromSupplier(() -> {
                            long half = (System.nanoTime() - write) / 2;
                            halfRoundTrips.put(m.index(), half);
                            // The camera applied S when the command arrived: the midpoint of write and answer.
                            long coordinatorThen = clock.clockAt(write + half) + est.offsetNanos();
                            return new CameraClockSet(m.index(), node, value.toString(), plan.atNanos(),
                                    est.offsetNanos(), est.uncertaintyNanos() + half, plan.atNanos() - coordinatorThen);
                        }));
                    })
                    .flatMap(s -> Math.abs(s.errorNanos()) > LANDED_NANOS && n < ATTEMPTS
                            ? attempt(m, est, n + 1) : Mono.just(s));
        });
    }
}
