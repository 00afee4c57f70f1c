package io.camrig.cluster.node;

import io.camrig.ble.spi.BleCentral;
import io.camrig.cluster.Topics;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Fire;
import io.camrig.cluster.wire.Presence;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.StatusEvent;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Status;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The node agent of one host: discovers and connects this host's cameras with the engine (keep-
 * alive, reconnect, status registrations for busy and encoding), connects to the broker with a
 * persistent session ({@code camrig-node-<id>}) and a retained Last Will "offline" (published
 * after {@link NodeOptions#willDelay()} of unclean loss), publishes its presence "online" on every
 * (re)connect, and serves the coordinator: commands once per request id ({@link RequestLog}),
 * fires at the coordinator's instant ({@link NodeFire}), a take's offload into this host's media
 * directory ({@link NodeOffload}), its cameras' clocks set from the coordinator's time
 * ({@link CameraClocks}), clock exchanges every
 * {@link NodeOptions#syncInterval()}, and status fan-in. A node that loses the broker keeps its
 * cameras alive and rejoins by itself.
 */
public final class RigNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RigNode.class);
    /** How long {@link #close()} waits for a stopped offload's last manifest write. */
    public static final Duration OFFLOAD_STOP = Duration.ofSeconds(5);

    private final NodeOptions options;
    private final Rig rig;
    private final MqttLink link;
    private final ClockSync sync;
    private final NodeCommands commands;
    private final NodeFire fire;
    private final CameraClocks cameraClocks;
    private final NodeOffload offload;
    private final RequestLog requests = new RequestLog();
    private final Disposable.Composite running = Disposables.composite();
    private final Map<Integer, HardwareInfo> identities;
    private final Sinks.Many<OffloadEvent> offloadEvents = Sinks.many().multicast().directBestEffort();

    private RigNode(NodeOptions options, Rig rig, MqttLink link, Map<Integer, HardwareInfo> identities) {
        this.options = options;
        this.rig = rig;
        this.link = link;
        this.identities = identities;
        this.sync = new ClockSync(options.nodeId(), link, options.clock());
        this.cameraClocks = new CameraClocks(options.nodeId(), rig, options.clock(), java.time.ZoneId.systemDefault(),
                Schedulers.parallel());
        this.offload = new NodeOffload(options.nodeId(), rig, identities, options.media(), e -> {
            synchronized (offloadEvents) {
                offloadEvents.tryEmitNext(e);
            }
        }, index -> cameraClocks.applied(index).map(CameraClockSet::manifest));
        this.commands = new NodeCommands(options.nodeId(), rig, sync, options.armExchanges(), offload, cameraClocks);
        this.fire = new NodeFire(options.nodeId(), rig, options.clock(), sync, commands);
    }

    /**
     * Starts the node: its cameras first (connected, statuses registered, control claimed, each
     * camera's hardware info read for its serial, model and firmware; a node with no camera still
     * joins, and reports none), then the broker.
     *
     * @return the running node; errors when the broker refuses the login or cannot be reached
     */
    public static Mono<RigNode> start(BrokerUrl url, BrokerLogin login, BleCentral central, NodeOptions options) {
        String id = options.nodeId();
        MqttLink.Will will = new MqttLink.Will(Topics.presence(id),
                Wire.encode(new Presence(id, Presence.OFFLINE, 0, List.of())), options.willDelay().toSeconds());
        Map<Integer, HardwareInfo> identities = new ConcurrentHashMap<>();
        return Rig.discover(central, options.rig())
                .flatMap(rig -> rig.connect()
                        .then(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()))
                        .then(rig.claimControl())
                        .then(rig.forEachMember("hardware info", rig.options().concurrency(), true,
                                m -> m.currentCamera().flatMap(Camera::hardwareInfo)
                                        .doOnNext(h -> identities.put(m.index(), h)), HardwareInfo::serialNumber))
                        .thenReturn(rig))
                .flatMap(rig -> MqttLink.connect(url, login, "camrig-node-" + id, options.sessionExpiry().toSeconds(),
                                (int) options.keepAlive().toSeconds(), will)
                        .doOnError(e -> rig.close())
                        .map(link -> new RigNode(options, rig, link, identities)))
                .flatMap(node -> node.serve().thenReturn(node));
    }

    private Mono<Void> serve() {
        String id = options.nodeId();
        running.add(rig.startKeepAlive());
        running.add(link.inbound().subscribe(m -> {
            try {
                if (m.topic().equals(Topics.command(id))) {
                    Command c = Wire.decode(m.payload(), Command.class, m.topic());
                    answer(requests.once(c.id(), () -> commands.run(c)));
                } else if (m.topic().equals(Topics.fire())) {
                    Fire f = Wire.decode(m.payload(), Fire.class, m.topic());
                    if (f.nodes().contains(id)) {
                        answer(requests.once(f.id(), () -> fire.fire(f)));
                    }
                } else if (m.topic().equals(Topics.clockAnswer(id))) {
                    sync.onAnswer(m);
                }
            } catch (RuntimeException e) {
                log.warn("node {}: dropped a message on {}: {}", id, m.topic(), e.getMessage());
            }
        }));
        running.add(Flux.interval(options.syncInterval())
                .onBackpressureDrop()
                .concatMap(i -> sync.exchange().onErrorReturn(false))
                .subscribe(answered -> cameraClocks.onEstimate(sync.estimate())));
        for (RigMember m : rig.members()) {
            running.add(m.statusUpdates()
                    .concatMap(u -> link.publish(Topics.status(id),
                            Wire.encode(new StatusEvent(m.index(), m.advertisedName(), u.statusId(), u.value())), false, false, 0)
                            .onErrorResume(e -> Mono.empty()))
                    .subscribe());
        }
        link.onConnected(() -> {
            sync.reset();
            presence(Presence.ONLINE).subscribe(null, e -> log.warn("node {}: presence: {}", id, e.toString()));
        });
        return link.subscribe(Topics.command(id))
                .then(link.subscribe(Topics.fire()))
                .then(link.subscribe(Topics.clockAnswer(id)))
                .then(presence(Presence.ONLINE))
                .then(sync.burst(4).then());
    }

    private void answer(Mono<Reply> reply) {
        reply.flatMap(r -> link.publish(Topics.reply(options.nodeId()), Wire.encode(r), true, false, 0))
                .subscribe(null, e -> log.warn("node {}: reply not sent: {}", options.nodeId(), e.toString()));
    }

    private Mono<Void> presence(String state) {
        List<Presence.CameraRef> cameras = rig.members().stream()
                .map(m -> {
                    HardwareInfo h = identities.get(m.index());
                    return h == null ? new Presence.CameraRef(m.index(), m.advertisedName(), m.address())
                            : new Presence.CameraRef(m.index(), m.advertisedName(), m.address(), h.serialNumber(),
                                    h.modelName(), h.firmwareVersion());
                }).toList();
        return link.publish(Topics.presence(options.nodeId()),
                Wire.encode(new Presence(options.nodeId(), state, ProcessHandle.current().pid(), cameras)), true, true, 0);
    }

    /** The node's rig. */
    public Rig rig() {
        return rig;
    }

    /** The node's id. */
    public String id() {
        return options.nodeId();
    }

    /**
     * What this node's offloads do, per camera and file, as they happen (for a progress display,
     * a log, or a test waiting for an offload to be under way); hot, nothing replayed.
     */
    public Flux<OffloadEvent> offloadEvents() {
        return offloadEvents.asFlux();
    }

    /**
     * Each camera clock this node sets from the coordinator's time ({@link CameraClocks}: once the
     * clock offset is trusted, and at an arm when the offset has moved), as it is set; the last
     * 256 replayed.
     */
    public Flux<CameraClockSet> cameraClockSets() {
        return cameraClocks.sets();
    }

    /** How many command or fire deliveries were duplicates (QoS 1 redeliveries), answered without running again. */
    public long duplicateDeliveries() {
        return requests.duplicates();
    }

    /**
     * Stops cleanly: the offloads under way stopped (partial files kept for a resume; waiting up to
     * {@link #OFFLOAD_STOP} for their last manifest write, logged if it gives up, so that nothing
     * writes under the media directory afterwards), presence "offline", disconnect (the broker drops
     * the Last Will), cameras closed. Completes also when the calling thread was interrupted; the
     * interrupt is kept for the caller.
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            offload.close(OFFLOAD_STOP);
            running.dispose();
            presence(Presence.OFFLINE).onErrorResume(e -> Mono.empty()).then(link.disconnect())
                    .block(Duration.ofSeconds(5));
        } finally {
            rig.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
