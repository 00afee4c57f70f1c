package io.camrig.engine.rig;

import io.camrig.ble.spi.BleCentral;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.lifecycle.Disposal;
import io.camrig.engine.lifecycle.DisposableResource;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.error.ConnectionClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A rig of GoPro cameras driven together. Every operation is fanned out with a concurrency bound
 * and returns a {@link RigResult}: one camera failing never fails the others — it is marked
 * failed, its later steps are skipped, and the rest carry on. A caller's mistake refused before
 * sending (an option or operation the model lacks, a value that does not fit: see
 * {@link io.camrig.engine.resilience.CameraPolicy#isCallerError}) fails that step only, as
 * {@link Outcome.Failed}; the camera stays healthy. Each camera's operations go through its
 * policies ({@link io.camrig.engine.resilience.CameraPolicy}); a dropped link is reconnected with
 * backoff, its registrations and control restored.
 *
 * <p>Steps are logged per camera ({@link RigMember#log()}) and timed in {@link RigMetrics}.
 */
public final class Rig implements RigApi, DisposableResource {
    private final RigOptions options;
    private final List<RigMember> members;
    private final RigMetrics metrics;
    private final RigRunner runner;
    private final Reconnector reconnector;
    private final FireControl fire;
    private final KeepAlive keepAlive;
    private final BleCentral central;
    private final Disposable.Composite running = Disposables.composite();
    private final Disposal disposal = new Disposal();
    /** Emits when disposal starts: operations in progress (a fire) end with it. */
    private final Sinks.One<Boolean> closing = Sinks.one();
    /** What every member must have, so that a recovered member can be brought up to date. */
    private final Set<Integer> registered = ConcurrentHashMap.newKeySet();
    private volatile boolean controlClaimed;

    private Rig(BleCentral central, RigOptions options, List<RigMember> members, RigMetrics metrics) {
        this.central = central;
        this.options = options;
        this.members = List.copyOf(members);
        this.metrics = metrics;
        this.runner = new RigRunner(this.members, metrics);
        this.reconnector = new Reconnector(central, options, metrics);
        this.keepAlive = new KeepAlive(this::healthy, options, metrics);
        this.fire = new FireControl(options, runner, metrics, keepAlive::probe);
    }

    /** As {@link #discover(BleCentral, RigOptions, RigMetrics)} with in-memory metrics. */
    public static Mono<Rig> discover(BleCentral central, RigOptions options) {
        return discover(central, options, RigMetrics.inMemory());
    }

    /**
     * Scans for cameras advertising service 0xFEA6 (Open GoPro BLE spec, "Advertisements") and
     * makes a rig of those found, sorted by advertised name. With {@link RigOptions#expectedCameras()}
     * set the scan stops once that many are found; fewer found is not an error here, the rig
     * reports them as {@link #missing()}. Errors with {@link NoCamerasFoundException} when none
     * answers.
     */
    public static Mono<Rig> discover(BleCentral central, RigOptions options, RigMetrics metrics) {
        return RigDiscovery.members(central, options, metrics)
                .map(members -> new Rig(central, options, members, metrics));
    }

    /** The cameras, in rig order. */
    @Override
    public List<RigMember> members() {
        return members;
    }

    /**
     * How many cameras the rig expected ({@link RigOptions#expectedCameras()}) but discovery did not
     * find: a camera switched off, out of range or not in pairing mode. 0 when none was expected or
     * all were found. Each one counts as a failed camera in reports.
     */
    public int missing() {
        return Math.max(0, options.expectedCameras() - members.size());
    }

    /** {@code "found 2 of 3 cameras"}; empty when none is {@link #missing()}. */
    public java.util.Optional<String> missingSummary() {
        return missing() == 0 ? java.util.Optional.empty() : java.util.Optional.of(
                "found " + members.size() + " of " + options.expectedCameras() + " cameras");
    }

    /** The members that have not failed a step. */
    @Override
    public List<RigMember> healthy() {
        return members.stream().filter(RigMember::isHealthy).toList();
    }

    public RigOptions options() {
        return options;
    }

    public RigMetrics metrics() {
        return metrics;
    }

    /**
     * Connects every camera over BLE ({@link RigOptions#connectConcurrency()} at a time), then
     * enables notifications on each (steps {@code "connect"} and {@code "notifications"}).
     */
    @Override
    public Mono<RigResult<Camera>> connect() {
        int n = options.connectConcurrency();
        return runner.run("connect", n, true, m -> central.connect(m.address()), c -> "", null)
                .flatMap(links -> runner.run("notifications", n, false,
                        m -> Camera.open(links.value(m).orElseThrow(), m.advertisedName(), options.camera())
                                .doOnNext(c -> reconnector.attach(m, c)), c -> "", null));
    }

    /**
     * As {@link #forEach(String, Function, Function)}, with nothing about the value in the
     * per-camera log.
     */
    public <T> Mono<RigResult<T>> forEach(String step, Function<Camera, Mono<T>> op) {
        return forEach(step, op, v -> "");
    }

    /**
     * As {@link #forEachIdempotent(String, Function, Function)}, with nothing about the value in
     * the per-camera log.
     */
    public <T> Mono<RigResult<T>> forEachIdempotent(String step, Function<Camera, Mono<T>> op) {
        return forEachIdempotent(step, op, v -> "");
    }

    /**
     * Runs an operation on every healthy camera, {@link RigOptions#concurrency()} at a time, once
     * (no retry: use {@link #forEachIdempotent} for operations that may be sent again).
     *
     * @param step   the step's name, for the per-camera log
     * @param op     the operation on one camera
     * @param detail renders a successful value for the log (must not reveal secrets)
     */
    public <T> Mono<RigResult<T>> forEach(String step, Function<Camera, Mono<T>> op, Function<T, String> detail) {
        return runner.run(step, options.concurrency(), false, m -> m.currentCamera().flatMap(op), detail, null);
    }

    /** As {@link #forEach}, retried with backoff on transient errors (after a reconnect if needed). */
    public <T> Mono<RigResult<T>> forEachIdempotent(String step, Function<Camera, Mono<T>> op,
                                                    Function<T, String> detail) {
        return runner.run(step, options.concurrency(), true, m -> m.currentCamera().flatMap(op), detail, null);
    }

    /**
     * Runs an operation on every healthy member, {@code concurrency} at a time; for operations
     * that need more than the BLE link (for example the member's HTTP address).
     */
    public <T> Mono<RigResult<T>> forEachMember(String step, int concurrency, boolean idempotent,
                                                Function<RigMember, Mono<T>> op, Function<T, String> detail) {
        return runner.run(step, concurrency, idempotent, op, detail, null);
    }

    /** Register for Status Value Updates (0x53) on every camera; restored after a reconnect. */
    @Override
    public Mono<RigResult<Map<Integer, Long>>> registerStatusUpdates(int... statusIds) {
        Arrays.stream(statusIds).forEach(registered::add);
        return runner.run("register statuses", options.concurrency(), true, m -> {
            Arrays.stream(statusIds).forEach(m.registeredStatuses()::add);
            return m.currentCamera().flatMap(c -> c.registerStatusUpdates(statusIds));
        }, v -> "", null);
    }

    /** Set Camera Control to external control on every camera; re-claimed after a reconnect. */
    @Override
    public Mono<RigResult<Void>> claimControl() {
        controlClaimed = true;
        return runner.run("claim control", options.concurrency(), true, m -> {
            m.controlClaimed(true);
            return m.currentCamera().flatMap(Camera::claimControl);
        }, v -> "", null);
    }

    /**
     * Lets failed cameras take part again: a member whose link is up has its failure cleared; one
     * whose link is down is reconnected first; either way it gets the rig's status registrations
     * and camera control (step "recover"). Members that cannot be reached stay failed. Healthy
     * members are untouched.
     */
    @Override
    public Mono<List<RigMember>> recover() {
        return Flux.fromIterable(members)
                .filter(m -> !m.isHealthy())
                .flatMap(m -> reconnector.recover(m, registered, controlClaimed).onErrorResume(e -> Mono.empty()),
                        options.concurrency())
                .collectList();
    }

    /** Measures each camera's latency with {@code rounds} keep-alive round trips (step "latency"). */
    @Override
    public Mono<RigResult<Long>> measureLatency(int rounds) {
        return runner.run("latency", options.concurrency(), true,
                m -> Flux.range(0, rounds).concatMap(i -> keepAlive.probe(m)).then(
                        Mono.fromSupplier(() -> m.latency().oneWayNanos())),
                ns -> String.format("%.1f ms one way", ns / 1e6), null);
    }

    /** Starts keep-alives every {@link RigOptions#keepAliveInterval()}; stopped by {@link #close()}. */
    @Override
    public Disposable startKeepAlive() {
        Disposable d = keepAlive.start();
        running.add(d);
        return d;
    }

    /**
     * Synchronized fire of Set Shutter on every healthy camera, latency-compensated (see
     * {@link FireResult} for the figures). Steps {@code "shutter on|off"} and
     * {@code "encoding on|off"} (latency from the write to the status update). With compensation
     * on ({@link RigOptions#compensateLatency()}), cameras without a latency estimate are measured
     * first (step {@code "latency"}); one that cannot be measured fails that step with
     * {@link LatencyUnknownException} and is not fired: no fire is silently uncompensated.
     */
    @Override
    public Mono<FireResult> fire(boolean on) {
        return untilDisposed(Mono.defer(() -> fire.fire(healthy(), on)));
    }

    /**
     * As {@link #fire(boolean)}, timed so that the commands arrive at the cameras at
     * {@code arriveAtNanos} (a {@link System#nanoTime()} instant): each camera's write is released
     * at {@code arriveAtNanos} minus its estimated one-way latency. A fire that cannot start in
     * time is never released late: when the first release instant has passed by more than
     * {@code lateLimit} once every camera is armed, every camera's part fails with
     * {@link LateFireException} and nothing is written. The result's per-camera instants are
     * measured from {@code arriveAtNanos} (negative: before it).
     */
    public Mono<FireResult> fireAt(boolean on, long arriveAtNanos, java.time.Duration lateLimit) {
        return untilDisposed(Mono.defer(() -> fire.fire(healthy(), on, java.util.OptionalLong.of(arriveAtNanos),
                lateLimit)));
    }

    /** A fire in progress ends with {@link ConnectionClosedException} when the rig is disposed. */
    private Mono<FireResult> untilDisposed(Mono<FireResult> firing) {
        return firing.takeUntilOther(closing.asMono())
                .switchIfEmpty(Mono.error(() -> new ConnectionClosedException(null, "fire: the rig was disposed", null)));
    }

    /**
     * How the operating system schedules the thread that releases the fires' writes: real-time
     * ({@code SCHED_FIFO}) when {@link RigOptions#realtimeFire()} and the process may, otherwise
     * normal, with the reason.
     */
    public FireThread fireThread() {
        return fire.fireThread();
    }

    /**
     * Starts closing the rig, without waiting (reactor-netty's {@code DisposableChannel#dispose}):
     * a fire in progress ends with {@code ConnectionClosedException} and gives back every armed
     * shutter, keep-alives and reconnects (with their backoff timers) are cancelled, a reconnect
     * that lands later disposes its camera, every camera is disposed ({@link Camera#dispose()})
     * and the fire thread ends. Idempotent; {@link #onDispose()} tells when it is all done.
     */
    @Override
    public void dispose() {
        if (!disposal.start()) {
            return;
        }
        closing.tryEmitValue(Boolean.TRUE);
        reconnector.close();
        running.dispose();
        fire.close();
        List<Mono<Void>> ends = new ArrayList<>();
        for (RigMember m : members) {
            m.detach();
            m.camera().ifPresent(c -> {
                c.dispose();
                ends.add(c.onDispose());
            });
        }
        ends.add(fire.terminated());
        disposal.finishAfter(ends);
    }

    /** {@code true} once {@link #dispose()} was called. */
    @Override
    public boolean isDisposed() {
        return disposal.isStarted();
    }

    /**
     * Completes when the rig is disposed: every camera disposed (link closed, worker gone), no
     * reconnect or keep-alive left, the fire thread ended. Errors with the first camera's close
     * error (the others suppressed) when closing a link failed; everything was released all the
     * same. Subscribing does not start the disposal.
     */
    @Override
    public Mono<Void> onDispose() {
        return disposal.done();
    }

    /** The same as {@link #dispose()}: starts closing, does not wait. */
    @Override
    public void close() {
        DisposableResource.super.close();
    }

    /** {@code "rig of N cameras"}. */
    @Override
    public String toString() {
        return "rig of " + members.size() + " cameras";
    }
}
