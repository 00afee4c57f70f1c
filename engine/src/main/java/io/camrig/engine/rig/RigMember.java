package io.camrig.engine.rig;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.EncodingWatch;
import io.camrig.engine.camera.LinkStats;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.engine.metrics.MeteredCamera;
import io.camrig.proto.catalog.Status;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import io.camrig.engine.resilience.CameraPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One camera slot of a rig: found by scanning, then connected, and reconnected when its link
 * drops. It keeps the camera's log of steps (the last {@value #LOG_LIMIT}: a rig that fires for
 * hours must not grow with every step), the first failure (after which later steps skip it),
 * its latency estimate, its Resilience4j policies, and what must be restored after a reconnect
 * (status registrations, camera control).
 */
public final class RigMember implements MeteredCamera {
    /** Steps kept in {@link #log()}; older ones are dropped and counted. */
    public static final int LOG_LIMIT = 1_000;

    private final int index;
    private final String address;
    private final String advertisedName;
    private final CameraPolicy policy;
    private final LatencyEstimate latency = new LatencyEstimate();
    private final Deque<StepRecord> log = new ArrayDeque<>();
    private long stepsDropped;
    private final Set<Integer> registeredStatuses = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<StatusUpdate> statuses = Sinks.many().multicast().directBestEffort();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean controlClaimed;
    private LinkStats earlierLinks = LinkStats.NONE;
    private volatile Camera camera;
    /** Forwards the current camera's status updates to {@link #statuses}; replaced on attach. */
    private Disposable forwarding = Disposables.disposed();
    private volatile Mono<Camera> reconnecting;
    private volatile Throwable failure;
    private volatile String failedStep;
    private final String node;

    RigMember(int index, String address, String advertisedName, CameraPolicy policy) {
        this(index, address, advertisedName, policy, null);
    }

    private RigMember(int index, String address, String advertisedName, CameraPolicy policy, String node) {
        this.index = index;
        this.address = address;
        this.advertisedName = advertisedName;
        this.policy = policy;
        this.node = node;
    }

    /**
     * A camera driven by another host's rig (a node of a distributed rig): it has no local
     * {@link #camera()}; its steps, failure and latency are those the node reported.
     *
     * @param index          1-based position in the distributed rig
     * @param node           the node's id, e.g. {@code "stage-left"}
     * @param address        the camera's BLE address on that node
     * @param advertisedName the camera's advertised name, e.g. {@code "GoPro 5504"}
     * @param policy         the policies the distributed rig applies to its part of each step
     */
    public static RigMember remote(int index, String node, String address, String advertisedName, CameraPolicy policy) {
        return new RigMember(index, address, advertisedName, policy, java.util.Objects.requireNonNull(node, "node"));
    }

    /** The node (host) whose rig drives this camera; empty for a camera of this host's rig. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /** 1-based position in the rig, in discovery order sorted by name. */
    public int index() {
        return index;
    }

    public String address() {
        return address;
    }

    /** The advertised BLE name, e.g. {@code "GoPro 5504"}. */
    public String advertisedName() {
        return advertisedName;
    }

    /** The connected camera (the newest one after a reconnect), once connected. */
    public Optional<Camera> camera() {
        return Optional.ofNullable(camera);
    }

    /** This camera's one-way latency estimate. */
    public LatencyEstimate latency() {
        return latency;
    }

    /** This camera's resilience policies. */
    public CameraPolicy policy() {
        return policy;
    }

    /** How many times the link was re-established. */
    public long reconnects() {
        return reconnects.get();
    }

    /**
     * Status updates of this camera across reconnects: subscribers never see a link error; after
     * a reconnect the updates of the new link follow.
     */
    public Flux<StatusUpdate> statusUpdates() {
        return statuses.asFlux();
    }

    /**
     * The camera to use now: the connected one, or the one a reconnect in progress yields; errors
     * with {@link ConnectionClosedException} when the link is down and no reconnect is running.
     */
    public Mono<Camera> currentCamera() {
        return Mono.defer(() -> {
            Camera c = camera;
            if (c != null && c.isConnected()) {
                return Mono.just(c);
            }
            Mono<Camera> r = reconnecting;
            if (r != null) {
                return r;
            }
            return Mono.error(new ConnectionClosedException(advertisedName, "current camera", null));
        });
    }

    /**
     * Completes with the status update showing encoding (status 10) {@code on} or off. It looks at
     * the camera's status cache first (no request: when it already shows the state, the update
     * carries the time of this call), then follows the pushes across reconnects, and while it
     * waits it re-reads the status from the camera every {@code poll} (Register for Status Value
     * Updates, 0x53), so a lost push notification costs at most one poll. Errors with
     * {@link NotReadyException} after {@code limit}. The camera's own wait, {@link EncodingWatch},
     * fed with this member's pushes and its current camera.
     */
    public Mono<StatusUpdate> awaitEncoding(boolean on, Duration limit, Duration poll, Scheduler scheduler) {
        // What the camera's cache shows now, without a request: a fire watches every member just
        // before it writes the shutters, and a query per camera then would share the link with them.
        Mono<Long> cached = currentCamera().flatMap(c -> Mono.justOrEmpty(c.status(Status.ENCODING.id())));
        Mono<Long> read = currentCamera().flatMap(c -> c.registerStatusUpdates(Status.ENCODING.id()))
                .mapNotNull(v -> v.get(Status.ENCODING.id()));
        return new EncodingWatch(advertisedName, statuses.asFlux(), cached, read, scheduler).await(on, limit, poll);
    }

    /** {@code true} until a step fails for this camera. */
    public boolean isHealthy() {
        return failure == null;
    }

    /** The first failure, when there is one. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** The step in which the first failure happened. */
    public Optional<String> failedStep() {
        return Optional.ofNullable(failedStep);
    }

    /** Operations of this member sent again after a transient error (its policy's count). */
    @Override
    public long retriedCalls() {
        return policy.retriedCalls();
    }

    /** Packets and messages discarded on this member's links, across reconnects. */
    public synchronized LinkStats linkStats() {
        Camera c = camera;
        return c == null ? earlierLinks : earlierLinks.plus(c.linkStats());
    }

    synchronized void attach(Camera c) {
        if (camera != null) {
            earlierLinks = earlierLinks.plus(camera.linkStats());
        }
        this.camera = c;
        forwarding.dispose();
        forwarding = c.statusUpdates().subscribe(statuses::tryEmitNext, e -> { }, () -> { });
    }

    /** Stops forwarding status updates (the rig is disposed). */
    synchronized void detach() {
        forwarding.dispose();
    }

    void reconnecting(Mono<Camera> pending) {
        this.reconnecting = pending;
    }

    void reconnected() {
        reconnects.incrementAndGet();
        this.reconnecting = null;
    }

    Set<Integer> registeredStatuses() {
        return registeredStatuses;
    }

    boolean controlClaimed() {
        return controlClaimed;
    }

    void controlClaimed(boolean claimed) {
        this.controlClaimed = claimed;
    }

    /** Marks the member failed in {@code step} (kept: later steps skip it until recovered). */
    public synchronized void fail(String step, Throwable cause) {
        if (failure == null) {
            failure = cause;
            failedStep = step;
        }
    }

    /** Clears the failure so the member takes part again (after {@link Rig#recover()}). */
    public synchronized void clearFailure() {
        failure = null;
        failedStep = null;
    }

    /** Adds a step to this member's {@link #log()} (the oldest is dropped beyond the limit). */
    public synchronized void record(StepRecord step) {
        if (log.size() == LOG_LIMIT) {
            log.removeFirst();
            stepsDropped++;
        }
        log.addLast(step);
    }

    /** A copy of this camera's log, in step order: the last {@value #LOG_LIMIT} steps. */
    public synchronized List<StepRecord> log() {
        return new ArrayList<>(log);
    }

    /** Steps dropped from the front of {@link #log()} to keep it at {@value #LOG_LIMIT}. */
    public synchronized long stepsDropped() {
        return stepsDropped;
    }

    @Override
    public String toString() {
        return "RigMember[" + index + " " + (node == null ? "" : node + "/") + advertisedName + " " + address + "]";
    }
}
