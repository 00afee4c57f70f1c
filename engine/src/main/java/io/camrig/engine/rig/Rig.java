package io.camrig.engine.rig;

import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.BleCentral;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.ExchangeResult;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.proto.gatt.GoProUuid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A rig of GoPro cameras driven together. Every operation is fanned out with a concurrency bound
 * and returns a {@link RigResult}: one camera failing never fails the others — it is marked
 * failed, its later steps are skipped, and the rest carry on.
 *
 * <p>Steps are logged per camera ({@link RigMember#log()}), which is what reports are made of.
 */
public final class Rig implements AutoCloseable {
    private final BleCentral central;
    private final RigOptions options;
    private final List<RigMember> members;

    private Rig(BleCentral central, RigOptions options, List<RigMember> members) {
        this.central = central;
        this.options = options;
        this.members = List.copyOf(members);
    }

    /**
     * Scans for cameras advertising service 0xFEA6 (Open GoPro BLE spec, "Advertisements") and
     * makes a rig of those found, sorted by advertised name. Errors with
     * {@link NoCamerasFoundException} when none answers.
     */
    public static Mono<Rig> discover(BleCentral central, RigOptions options) {
        Flux<Advertisement> scan = central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, options.scanDuration())
                .distinct(Advertisement::address);
        if (options.expectedCameras() > 0) {
            scan = scan.take(options.expectedCameras());
        }
        return scan.collectList().flatMap(ads -> {
            if (ads.isEmpty()) {
                return Mono.error(new NoCamerasFoundException(options.scanDuration()));
            }
            List<Advertisement> sorted = new ArrayList<>(ads);
            sorted.sort(Comparator.comparing(Advertisement::name).thenComparing(Advertisement::address));
            List<RigMember> members = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                members.add(new RigMember(i + 1, sorted.get(i).address(), sorted.get(i).name()));
            }
            return Mono.just(new Rig(central, options, members));
        });
    }

    /** The cameras, in rig order. */
    public List<RigMember> members() {
        return members;
    }

    /** The members that have not failed a step. */
    public List<RigMember> healthy() {
        return members.stream().filter(RigMember::isHealthy).toList();
    }

    public RigOptions options() {
        return options;
    }

    /**
     * Connects every camera over BLE ({@link RigOptions#connectConcurrency()} at a time), then
     * enables notifications on each (steps {@code "connect"} and {@code "notifications"}).
     */
    public Mono<RigResult<Camera>> connect() {
        return run("connect", options.connectConcurrency(), m -> central.connect(m.address()), c -> "")
                .flatMap(links -> run("notifications", options.connectConcurrency(),
                        m -> Camera.open(links.value(m).orElseThrow(), m.advertisedName(), options.camera())
                                .doOnNext(m::camera), c -> ""));
    }

    /**
     * Runs an operation on every healthy camera, {@link RigOptions#concurrency()} at a time.
     *
     * @param step   the step's name, for the per-camera log
     * @param op     the operation on one camera
     * @param detail renders a successful value for the log (must not reveal secrets)
     */
    public <T> Mono<RigResult<T>> forEach(String step, Function<Camera, Mono<T>> op, Function<T, String> detail) {
        return run(step, options.concurrency(), m -> op.apply(m.camera().orElseThrow()), detail);
    }

    /**
     * Runs an operation on every healthy member, {@code concurrency} at a time; for operations
     * that need more than the BLE link (for example the member's HTTP address).
     */
    public <T> Mono<RigResult<T>> forEachMember(String step, int concurrency, Function<RigMember, Mono<T>> op,
                                                Function<T, String> detail) {
        return run(step, concurrency, op, detail);
    }

    /**
     * Synchronized fire: sends Set Shutter to every healthy camera at once and waits for each
     * camera's encoding status (10) to follow — on, or off once encoding has finished. First every
     * camera's request is armed (in flight, waiting); then one thread issues all the writes in a
     * row, so they leave within microseconds of each other rather than one answer after another.
     * A camera that cannot be armed within the exchange time limit is fired late, not waited for.
     * Steps {@code "shutter on|off"} and {@code "encoding on|off"} (latency from the write to the
     * status update).
     */
    public Mono<FireResult> fire(boolean on) {
        String suffix = on ? "on" : "off";
        Duration limit = options.readyTimeout();
        return Mono.defer(() -> {
            List<RigMember> live = healthy();
            // Watch encoding before firing, so that no status push can be missed.
            Map<RigMember, Mono<StatusUpdate>> watchers = new LinkedHashMap<>();
            for (RigMember m : live) {
                watchers.put(m, m.camera().orElseThrow().awaitEncoding(on, limit).cache());
                watchers.get(m).subscribe(u -> { }, e -> { });
            }
            // Arm: every camera's shutter request goes in flight and waits on one trigger; the
            // trigger is completed once all are armed, and its thread issues every write in turn.
            Sinks.Empty<Void> trigger = Sinks.empty();
            Sinks.Empty<Void> armed = Sinks.empty();
            AtomicInteger toArm = new AtomicInteger(live.size());
            Runnable onArmed = () -> {
                if (toArm.decrementAndGet() == 0) {
                    armed.tryEmitEmpty();
                }
            };
            Mono<Void> fireWhenArmed = (live.isEmpty() ? Mono.<Void>empty() : armed.asMono())
                    .timeout(options.camera().exchangeTimeout(), Mono.empty(), options.camera().scheduler())
                    .then(Mono.fromRunnable(trigger::tryEmitEmpty));
            Mono<RigResult<Long>> shutter = run("shutter " + suffix, Integer.MAX_VALUE,
                    m -> m.camera().orElseThrow().setShutterArmed(on, trigger.asMono(), onArmed)
                            .map(ExchangeResult::writeIssuedNanos),
                    t -> "")
                    .zipWith(fireWhenArmed.then(Mono.just(Boolean.TRUE)), (r, fired) -> r);
            // The encoding step's latency runs from the camera's shutter write to its status update.
            return shutter.flatMap(s -> run("encoding " + suffix, Integer.MAX_VALUE,
                            m -> watchers.get(m).map(StatusUpdate::receivedNanos), t -> "",
                            (m, received) -> Duration.ofNanos(received - s.value(m).orElse(received)))
                    .map(e -> new FireResult(s, e, spreadMicros(s), spreadMillis(e))));
        });
    }

    private static OptionalLong spreadMicros(RigResult<Long> r) {
        List<Long> v = values(r);
        return v.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of((v.stream().max(Long::compare).orElseThrow()
                        - v.stream().min(Long::compare).orElseThrow()) / 1_000);
    }

    private static OptionalDouble spreadMillis(RigResult<Long> r) {
        List<Long> v = values(r);
        return v.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of((v.stream().max(Long::compare).orElseThrow()
                        - v.stream().min(Long::compare).orElseThrow()) / 1e6);
    }

    private static List<Long> values(RigResult<Long> r) {
        return r.succeeded().stream().map(m -> r.value(m).orElseThrow()).toList();
    }

    private <T> Mono<RigResult<T>> run(String step, int concurrency, Function<RigMember, Mono<T>> op,
                                       Function<T, String> detail) {
        return run(step, concurrency, op, detail, null);
    }

    private <T> Mono<RigResult<T>> run(String step, int concurrency, Function<RigMember, Mono<T>> op,
                                       Function<T, String> detail, BiFunction<RigMember, T, Duration> latencyOf) {
        return Flux.fromIterable(members)
                .flatMapSequential(m -> attempt(step, m, op, detail, latencyOf).map(o -> Map.entry(m, o)), concurrency)
                .collectList()
                .map(entries -> {
                    Map<RigMember, Outcome<T>> outcomes = new LinkedHashMap<>();
                    entries.forEach(e -> outcomes.put(e.getKey(), e.getValue()));
                    return new RigResult<>(step, outcomes);
                });
    }

    private <T> Mono<Outcome<T>> attempt(String step, RigMember m, Function<RigMember, Mono<T>> op,
                                         Function<T, String> detail, BiFunction<RigMember, T, Duration> latencyOf) {
        if (!m.isHealthy()) {
            Outcome<T> skipped = new Outcome.Skipped<>("failed earlier in " + m.failedStep().orElse("?"));
            m.record(StepRecord.of(step, skipped, ""));
            return Mono.just(skipped);
        }
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return Mono.defer(() -> op.apply(m))
                    .map(v -> (Outcome<T>) new Outcome.Ok<>(v, latencyOf != null ? latencyOf.apply(m, v)
                            : Duration.ofNanos(System.nanoTime() - start)))
                    .switchIfEmpty(Mono.fromSupplier(() -> new Outcome.Ok<>(null, Duration.ofNanos(System.nanoTime() - start))))
                    .onErrorResume(e -> Mono.just(new Outcome.Failed<>(e, Duration.ofNanos(System.nanoTime() - start))))
                    .doOnNext(o -> {
                        String d = o instanceof Outcome.Ok<T> ok && ok.value() != null ? detail.apply(ok.value()) : "";
                        m.record(StepRecord.of(step, o, d));
                        if (o instanceof Outcome.Failed<T> f) {
                            m.fail(step, f.cause());
                        }
                    });
        });
    }

    /** Disconnects every camera. */
    @Override
    public void close() {
        members.forEach(m -> m.camera().ifPresent(Camera::close));
    }
}
