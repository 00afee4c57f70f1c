package io.camrig.cluster.coordinator;

import io.camrig.cluster.NodeGoneException;
import io.camrig.cluster.Topics;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.wire.ClockExchange;
import io.camrig.cluster.wire.Presence;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.StatusEvent;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.engine.resilience.ResilienceOptions;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.RigApi;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The {@link RigApi} across every node on a broker. Its members are the nodes' cameras, nodes in
 * id order, each node's cameras in its rig order; each {@link RigMember#node()} names its node.
 * Each operation is a command per node, correlated by request id; a node lost while it runs (its
 * Last Will "offline" arrives) or that does not answer within
 * {@link ClusterOptions#commandTimeout()} fails its cameras with {@link NodeGoneException}, and the
 * other nodes' cameras finish. When a lost node comes back online, its cameras take part again.
 *
 * <p>{@link #fire} arms every node (fresh clock exchanges; a node whose offset is less certain than
 * {@link ClusterOptions#clockLimit()} refuses, with its figures), then publishes one instant T in
 * the coordinator's clock; the values of the resulting {@link FireResult} are
 * {@link System#nanoTime()} instants of this process, converted from the nodes' estimates.
 */
public final class DistributedRig implements RigApi {
    private static final Logger log = LoggerFactory.getLogger(DistributedRig.class);

    private final ClusterOptions options;
    private final MqttLink link;
    private final Map<String, Presence> presences = new ConcurrentHashMap<>();
    private final Map<String, PendingRequest> pending = new ConcurrentHashMap<>();
    private final Sinks.Many<Presence> presenceEvents = Sinks.many().replay().all();
    private final Sinks.Many<Map.Entry<RigMember, StatusEvent>> statuses = Sinks.many().multicast().directBestEffort();
    private final RoundTrips roundTrips = new RoundTrips();
    private volatile List<RigMember> members = List.of();
    private final Map<String, Map<Integer, RigMember>> byNode = new ConcurrentHashMap<>();
    private final Map<RigMember, Presence.CameraRef> refs = new ConcurrentHashMap<>();
    private final Commands commands;
    private final ClusterFire fire;
    private final Disposable inbound;

    private DistributedRig(ClusterOptions options, MqttLink link) {
        this.options = options;
        this.link = link;
        this.commands = new Commands(this);
        this.fire = new ClusterFire(this);
        this.inbound = link.inbound().subscribe(this::onMessage, e -> log.warn("coordinator inbound: {}", e.toString()));
    }

    /**
     * Connects to the broker as {@value Topics#COORDINATOR} and makes the rig of the nodes online:
     * {@link ClusterOptions#expectedNodes()} of them, or those seen within
     * {@link ClusterOptions#discovery()}. Errors with {@link NoNodesException} when none is online.
     */
    public static Mono<DistributedRig> connect(BrokerUrl url, BrokerLogin login, ClusterOptions options) {
        String clientId = "camrig-coord-" + UUID.randomUUID().toString().substring(0, 8);
        return MqttLink.connect(url, login, clientId, 0, 5, null)
                .map(link -> new DistributedRig(options, link))
                .flatMap(rig -> rig.link.subscribe(Topics.allNodes()).then(rig.awaitNodes()).thenReturn(rig)
                        .doOnError(e -> rig.close()));
    }

    private Mono<Void> awaitNodes() {
        Duration window = options.expectedNodes() > 0 ? options.discovery()
                : options.discovery().compareTo(Duration.ofSeconds(2)) < 0 ? options.discovery() : Duration.ofSeconds(2);
        Flux<Long> online = presenceEvents.asFlux().map(p -> presences.values().stream().filter(Presence::online).count());
        Mono<Long> enough = options.expectedNodes() > 0
                ? online.filter(n -> n >= options.expectedNodes()).next()
                : Mono.never();
        return enough.timeout(window, Mono.just(0L)).then(Mono.defer(() -> {
            List<String> nodes = presences.values().stream().filter(Presence::online).map(Presence::node).sorted().toList();
            if (nodes.isEmpty()) {
                return Mono.error(new NoNodesException(window));
            }
            build(nodes);
            return Mono.empty();
        }));
    }

    private void build(List<String> nodes) {
        CameraPolicy.Factory policies = new CameraPolicy.Factory(ResilienceOptions.defaults(),
                io.camrig.engine.camera.CameraOptions.defaults().scheduler());
        List<RigMember> all = new ArrayList<>();
        for (String node : nodes) {
            Map<Integer, RigMember> mine = new TreeMap<>();
            for (Presence.CameraRef c : presences.get(node).cameras()) {
                RigMember m = RigMember.remote(all.size() + 1, node, c.address(), c.name(),
                        policies.forCamera(node + "/" + c.name()));
                all.add(m);
                mine.put(c.index(), m);
                refs.put(m, c);
            }
            byNode.put(node, mine);
        }
        members = List.copyOf(all);
    }

    private void onMessage(MqttLink.Message m) {
        String node = Topics.nodeOf(m.topic());
        if (node == null) {
            return;
        }
        try {
            switch (Topics.kind(m.topic())) {
                case "presence" -> onPresence(node, Wire.decode(m.payload(), Presence.class, m.topic()));
                case "reply" -> {
                    Reply r = Wire.decode(m.payload(), Reply.class, m.topic());
                    PendingRequest p = pending.get(r.id());
                    if (p != null && node.equals(r.node())) {
                        p.reply(r);
                    }
                }
                case "clock" -> answerClock(node, m);
                case "status" -> {
                    StatusEvent s = Wire.decode(m.payload(), StatusEvent.class, m.topic());
                    RigMember member = byNode.getOrDefault(node, Map.of()).get(s.index());
                    if (member != null) {
                        statuses.tryEmitNext(Map.entry(member, s));
                    }
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            log.warn("coordinator: dropped a message on {}: {}", m.topic(), e.getMessage());
        }
    }

    /** t2 is the instant the MQTT client handed the request over (before our queue and decoding). */
    private void answerClock(String node, MqttLink.Message m) {
        long t2 = options.clock().clockAt(m.receivedNanos());
        ClockExchange q = Wire.decode(m.payload(), ClockExchange.class, m.topic());
        long t3 = options.clock().nowNanos();
        link.publish(Topics.clockAnswer(node), Wire.encode(new ClockExchange(q.seq(), q.t1(), t2, t3)), false, false, 0)
                .subscribe(null, e -> { });
    }

    private void onPresence(String node, Presence p) {
        if (!node.equals(p.node())) {
            return;   // a presence must name the node it is published under
        }
        Presence before = presences.put(node, p);
        if (!p.online()) {
            pending.values().forEach(r -> r.gone(node, "its Last Will says offline (process or host lost)"));
        } else if (before != null && !before.online()) {
            // Back after a loss: its cameras take part again in the next take.
            byNode.getOrDefault(node, Map.of()).values().forEach(m -> {
                if (m.failure().filter(NodeGoneException.class::isInstance).isPresent()) {
                    m.clearFailure();
                }
            });
        }
        presenceEvents.tryEmitNext(p);
    }

    boolean online(String node) {
        Presence p = presences.get(node);
        return p != null && p.online();
    }

    ClusterOptions options() {
        return options;
    }

    MqttLink link() {
        return link;
    }

    Map<String, PendingRequest> pending() {
        return pending;
    }

    Map<String, Map<Integer, RigMember>> byNode() {
        return byNode;
    }

    RoundTrips roundTrips() {
        return roundTrips;
    }

    /** The nodes of this rig, in id order. */
    public List<String> nodes() {
        return byNode.keySet().stream().sorted().toList();
    }

    /** Presence changes (online, offline by Last Will or clean stop): every one since connecting, then as they arrive. */
    public Flux<Presence> presence() {
        return presenceEvents.asFlux();
    }

    /** Status fan-in: every camera's status value updates, from every node. */
    public Flux<Map.Entry<RigMember, StatusEvent>> statusUpdates() {
        return statuses.asFlux();
    }

    /** Broker round trips (coordinator → node → coordinator) measured by {@link #ping}, ns. */
    public RoundTrips brokerRoundTrips() {
        return roundTrips;
    }

    /** One round trip to every node ("ping" command): how long the slowest node took. */
    public Mono<Duration> ping() {
        return commands.ping();
    }

    /** The cross-node figures of the last fire, when there was one. */
    public java.util.Optional<FireFigures> lastFire() {
        return fire.last();
    }

    @Override
    public List<RigMember> members() {
        return members;
    }

    @Override
    public List<RigMember> healthy() {
        return members.stream().filter(RigMember::isHealthy).toList();
    }

    @Override
    public Mono<RigResult<Void>> connect() {
        return commands.run("connect", "connect", List.of(), false, (m, e) -> null);
    }

    @Override
    public Mono<RigResult<Map<Integer, Long>>> registerStatusUpdates(int... statusIds) {
        return commands.run("register statuses", "statuses", Arrays.stream(statusIds).mapToObj(i -> (long) i).toList(),
                false, (m, e) -> e.values() == null ? Map.of() : e.values());
    }

    @Override
    public Mono<RigResult<Void>> claimControl() {
        return commands.run("claim control", "claim-control", List.of(), false, (m, e) -> null);
    }

    @Override
    public Mono<RigResult<Long>> measureLatency(int rounds) {
        return commands.run("latency", "latency", List.of((long) rounds), false, (m, e) -> e.value());
    }

    /** Change Setting (setting id, value) on every healthy camera of every node. */
    public Mono<RigResult<Void>> setSetting(int settingId, long value) {
        return commands.run("set setting", "set-setting", List.of((long) settingId, value), false, (m, e) -> null);
    }

    /** Load Preset Group (0x3E) on every healthy camera of every node. */
    public Mono<RigResult<Void>> loadPresetGroup(int presetGroupId) {
        return commands.run("load preset group", "load-preset-group", List.of((long) presetGroupId), false, (m, e) -> null);
    }

    /** Load Preset (0x40) on every healthy camera of every node. */
    public Mono<RigResult<Void>> loadPreset(long presetId) {
        return commands.run("load preset", "load-preset", List.of(presetId), false, (m, e) -> null);
    }

    /**
     * The camera as its node announced it: index in the node's rig, name, BLE address and, when
     * the node could read them, serial, model and firmware.
     */
    public java.util.Optional<Presence.CameraRef> camera(RigMember m) {
        return java.util.Optional.ofNullable(refs.get(m));
    }

    /**
     * Offloads take {@code takeId} on every node ({@code offload} command): each node fetches the
     * newest file of each of its cameras in {@code recorded} into its media directory,
     * {@code <take>/<serial>/<folder>/<file>}, and answers with what it stored; its other cameras
     * are skipped (their newest file is not of this take). A camera that failed a later step still
     * takes part (its footage is on its card); a node lost meanwhile, or silent for {@code limit},
     * fails its cameras with {@link NodeGoneException}, the others complete.
     */
    public Mono<OffloadResult> offload(String takeId, Duration limit, java.util.Set<RigMember> recorded) {
        return new ClusterOffload(this).offload(takeId, limit, recorded);
    }

    /** Nodes keep their cameras alive from the start; this asks them to confirm (no timer here). */
    @Override
    public Disposable startKeepAlive() {
        return commands.run("keep-alive", "keep-alive", List.of(), false, (m, e) -> null).subscribe();
    }

    @Override
    public Mono<FireResult> fire(boolean on) {
        return fire.fire(on);
    }

    @Override
    public Mono<List<RigMember>> recover() {
        List<RigMember> failed = members.stream().filter(m -> !m.isHealthy()).toList();
        return commands.run("recover", "recover", List.of(), true, (m, e) -> null)
                .map(r -> failed.stream().filter(m -> r.outcomes().get(m) != null && r.outcomes().get(m).isOk())
                        .peek(RigMember::clearFailure).toList());
    }

    /** Disconnects from the broker; the nodes keep their cameras. */
    @Override
    public void close() {
        inbound.dispose();
        pending.values().forEach(p -> p.expire("coordinator closed"));
        link.close();
    }
}
