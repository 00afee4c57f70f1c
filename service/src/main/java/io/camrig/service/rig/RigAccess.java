package io.camrig.service.rig;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.SettingValue;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigApi;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything the service asks of the rig, in one place. It works on the engine's {@link RigApi}:
 * a rig of this host ({@link Rig}) or one across nodes on a broker (the cluster module's
 * distributed rig, whose members carry their node). What needs a camera of this host (hardware
 * info, a live status read, waiting until ready) is done on the local rig; a camera on another
 * node answers those with {@link RemoteCameraUnsupportedException}, while fire, latency, recovery
 * and its status pushes (through the given status source) work. Settings and preset (group)
 * loads on a distributed rig go through its {@link NodeOps} to every camera of every node; they
 * cannot select a subset ({@link #canSelect}).
 *
 * <p>Besides the rig it keeps what the console shows and the engine does not keep: each camera's
 * hardware info (read once at {@link #start()}) and its key settings (read at start, updated by
 * every set made through the service, re-read after a recovery).
 *
 * <p>Settings and preset loads run through each camera's Resilience4j policy but, unlike the
 * engine's fan-outs, do not take a camera out of the rig when it refuses (a refused option is the
 * operator's mistake, not the camera's failure); arm and fire are the engine's own.
 */
public final class RigAccess implements AutoCloseable {
    /** Statuses the service registers for on every camera (pushes 0x93 keep them current). */
    static final int[] STATUSES = {Status.INTERNAL_BATTERY_PERCENTAGE.id(), Status.SD_CARD_REMAINING.id(), Status.BUSY.id(),
            Status.ENCODING.id(), Status.OVERHEATING.id(), Status.COLD.id(), Status.REMAINING_VIDEO_TIME.id(), Status.PRESET_GROUP.id()};
    /** The settings the console's matrix and tiles show. */
    public static final List<Setting> KEY_SETTINGS = List.of(Setting.VIDEO_RESOLUTION, Setting.FRAMES_PER_SECOND,
            Setting.VIDEO_LENS, Setting.HYPERSMOOTH, Setting.ANTI_FLICKER);

    private final RigApi rig;
    private final Optional<Rig> local;
    private final RigMetrics metrics;
    private final Function<RigMember, Flux<StatusUpdate>> statusSource;
    private final Optional<NodeOps> nodeOps;
    /** Status values of cameras on other nodes: those registration returned, then their pushes. */
    private final Map<RigMember, Map<Integer, Long>> remoteStatuses = new ConcurrentHashMap<>();
    private final Map<RigMember, HardwareInfo> hardware = new ConcurrentHashMap<>();
    private final Map<RigMember, Map<Integer, SettingValue>> settings = new ConcurrentHashMap<>();
    private Disposable keepAlive;

    /** A rig of this host. */
    public RigAccess(Rig rig) {
        this(rig, rig.metrics(), RigMember::statusUpdates);
    }

    /**
     * Any rig.
     *
     * @param metrics      where the service's and the rig's figures go ({@code /metrics})
     * @param statusSource each camera's status pushes, across reconnects (for a distributed rig,
     *                     its status fan-in filtered to the camera)
     */
    public RigAccess(RigApi rig, RigMetrics metrics, Function<RigMember, Flux<StatusUpdate>> statusSource) {
        this(rig, metrics, statusSource, null);
    }

    /**
     * A distributed rig whose nodes carry settings and preset loads.
     *
     * @param nodeOps the rig's node operations for settings and presets; {@code null} when it has none
     *                (then a camera of another node fails them with {@link RemoteCameraUnsupportedException})
     */
    public RigAccess(RigApi rig, RigMetrics metrics, Function<RigMember, Flux<StatusUpdate>> statusSource, NodeOps nodeOps) {
        this.nodeOps = Optional.ofNullable(nodeOps);
        this.rig = rig;
        this.local = rig instanceof Rig r ? Optional.of(r) : Optional.empty();
        this.metrics = metrics;
        this.statusSource = statusSource;
    }

    /**
     * Connects every camera, reads its hardware info, registers for the statuses the console
     * shows, claims control, starts keep-alives and reads the key settings. A camera failing one of
     * these is reported failed (and shown red); the others go on.
     */
    public Mono<Void> start() {
        if (local.isEmpty()) {
            return rig.connect()
                    .doOnNext(c -> keepAlive = rig.startKeepAlive())
                    .then(rig.registerStatusUpdates(STATUSES))
                    .doOnNext(r -> r.outcomes().forEach((m, o) -> {
                        if (o instanceof io.camrig.engine.rig.Outcome.Ok<Map<Integer, Long>> ok && ok.value() != null) {
                            remoteStatuses.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).putAll(ok.value());
                        }
                    }))
                    .then(rig.claimControl())
                    .then(rig.measureLatency(2))
                    .then();
        }
        Rig r = local.get();
        return r.connect()
                .doOnNext(c -> keepAlive = r.startKeepAlive())
                .then(r.forEachMember("hardware info", r.options().concurrency(), true,
                        m -> m.currentCamera().flatMap(Camera::hardwareInfo).doOnNext(h -> hardware.put(m, h)),
                        h -> h.modelName() + " " + h.serialNumber()))
                .then(r.registerStatusUpdates(STATUSES))
                .then(r.claimControl())
                .then(r.measureLatency(2))
                .then(readKeySettings(m -> true))
                .then();
    }

    /** The camera's node; {@link CameraViews#LOCAL_NODE} for a camera of this host. */
    public String node(RigMember m) {
        return m.node().orElse(CameraViews.LOCAL_NODE);
    }

    /** A status value as last known: the camera's cache here, the pushes from its node otherwise. */
    public Optional<Long> status(RigMember m, int statusId) {
        if (m.node().isPresent()) {
            return Optional.ofNullable(remoteStatuses.getOrDefault(m, Map.of()).get(statusId));
        }
        return m.camera().flatMap(c -> c.status(statusId));
    }

    /** {@code connected}, {@code down} (reconnecting) or {@code failed}; a healthy camera of another node is connected. */
    public String link(RigMember m) {
        if (!m.isHealthy()) {
            return "failed";
        }
        if (m.node().isPresent()) {
            return "connected";
        }
        return m.camera().map(c -> c.isConnected() ? "connected" : "down").orElse("down");
    }

    /** The cameras, in rig order. */
    public List<RigMember> members() {
        return rig.members();
    }

    /** The camera with this 1-based index or advertised name (URL-encoded or not). */
    public Optional<RigMember> member(String raw) {
        String id = java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8).trim();
        return rig.members().stream()
                .filter(m -> Integer.toString(m.index()).equals(id) || m.advertisedName().equalsIgnoreCase(id))
                .findFirst();
    }

    public RigMetrics metrics() {
        return metrics;
    }

    /** The hardware info read at start, when it was. */
    public Optional<HardwareInfo> hardware(RigMember m) {
        return Optional.ofNullable(hardware.get(m));
    }

    /**
     * A camera's entry for a take manifest (serial, name, model, firmware, key settings), by its
     * 1-based index; {@code null} when its hardware info was not read or its serial cannot name a
     * directory.
     */
    public io.camrig.engine.take.TakeCamera takeCamera(int index) {
        RigMember m = index >= 1 && index <= members().size() ? members().get(index - 1) : null;
        HardwareInfo h = m == null ? null : hardware.get(m);
        if (h == null || !io.camrig.http.model.PathNames.isSafeSegment(h.serialNumber())) {
            return null;
        }
        Map<String, String> inForce = new java.util.LinkedHashMap<>();
        keySettings(m).values().forEach(v -> inForce.put(v.settingName(), v.display()));
        io.camrig.engine.take.TakeCamera c = io.camrig.engine.take.TakeCamera.of(h.serialNumber(), m.advertisedName(),
                h.modelName(), h.firmwareVersion()).withSettings(inForce);
        return m.node().map(c::withNode).orElse(c);
    }

    /** The key settings last known, setting id → value. */
    public Map<Integer, SettingValue> keySettings(RigMember m) {
        return settings.getOrDefault(m, Map.of());
    }

    /** Status updates of one camera across reconnects (the engine's Flux, or its node's pushes). */
    public Flux<StatusUpdate> statusUpdates(RigMember m) {
        Flux<StatusUpdate> updates = statusSource.apply(m);
        return m.node().isEmpty() ? updates : updates.doOnNext(u ->
                remoteStatuses.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).put(u.statusId(), u.value()));
    }

    /** Reads the key settings of the selected cameras into the cache. */
    public Mono<List<CameraOutcome>> readKeySettings(Predicate<RigMember> selected) {
        Setting[] keys = KEY_SETTINGS.toArray(Setting[]::new);
        return Fanout.run(members(), selected, "read key settings", c -> c.settings().get(keys), (m, values) -> {
            Map<Integer, SettingValue> map = settings.computeIfAbsent(m, k -> new ConcurrentHashMap<>());
            values.forEach(v -> map.put(v.settingId(), v));
            return values.size() + " settings";
        });
    }

    /** Every setting of one camera (Get Setting Values with no ids). */
    public Mono<List<SettingValue>> allSettings(RigMember m) {
        return m.policy().apply("settings", true, m.currentCamera().flatMap(c -> c.settings().all()));
    }

    /**
     * {@code true} when settings and presets can go to just these cameras: always on a rig of this
     * host; on a distributed rig only when every camera is selected (its node ops carry no selection).
     */
    public boolean canSelect(Predicate<RigMember> selected) {
        return nodeOps.isEmpty() || members().stream().allMatch(selected);
    }

    /**
     * Sets a setting on the selected cameras; per-camera outcomes, the cache updated where it took.
     * On a distributed rig the selection must be every camera ({@link #canSelect}), else
     * {@link IllegalArgumentException}.
     */
    public Mono<List<CameraOutcome>> setSetting(Setting setting, long value, Predicate<RigMember> selected) {
        SettingValue v = new SettingValue(setting.id(), value);
        if (nodeOps.isPresent()) {
            return NodeFanout.run(this, selected, () -> nodeOps.get().setSetting(setting.id(), value), m -> {
                settings.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).put(setting.id(), v);
                return v.display();
            });
        }
        return Fanout.run(members(), selected, "set " + setting.info().snakeName(),
                c -> c.settings().set(setting, value).thenReturn(v), (m, done) -> {
                    settings.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).put(setting.id(), done);
                    return done.display();
                });
    }

    /** Get Status Values (0x13) of one camera, read now: the given statuses, or every one when none. */
    public Mono<List<io.camrig.engine.camera.StatusValue>> statuses(RigMember m, List<io.camrig.proto.catalog.Status> wanted) {
        return m.policy().apply("statuses", true, m.currentCamera().flatMap(c -> wanted.isEmpty() ? c.statuses().all()
                : c.statuses().get(wanted.toArray(io.camrig.proto.catalog.Status[]::new))));
    }

    /** Load Preset (0x40) on the selected cameras. */
    public Mono<List<CameraOutcome>> loadPreset(long preset, Predicate<RigMember> selected) {
        if (nodeOps.isPresent()) {
            return NodeFanout.run(this, selected, () -> nodeOps.get().loadPreset(preset), m -> Long.toString(preset));
        }
        return Fanout.run(members(), selected, "load preset " + preset,
                c -> c.presets().load(preset).thenReturn(preset), (m, p) -> Long.toString(p));
    }

    /** Load Preset Group (0x3E) on the selected cameras. */
    public Mono<List<CameraOutcome>> loadPresetGroup(int group, Predicate<RigMember> selected) {
        if (nodeOps.isPresent()) {
            return NodeFanout.run(this, selected, () -> nodeOps.get().loadPresetGroup(group), m -> Integer.toString(group));
        }
        return Fanout.run(members(), selected, "load preset group " + group,
                c -> c.loadPresetGroup(group).thenReturn(group), (m, g) -> Integer.toString(g));
    }

    /**
     * Arms the rig: waits until every healthy camera is ready (not busy, not encoding), then
     * measures each one's latency with three keep-alive round trips, so the fire can compensate.
     */
    public Mono<List<CameraOutcome>> arm() {
        Mono<Void> ready = local.map(r -> r.forEachIdempotent("arm",
                c -> c.awaitReady(r.options().readyTimeout()).thenReturn(true), v -> "ready").then()).orElse(Mono.empty());
        return ready.then(Mono.defer(() -> rig.measureLatency(3))
                .map(latency -> CameraOutcome.of(latency, ns -> String.format("%.1f ms", ns / 1e6))));
    }

    /** The engine's synchronized fire of the shutter, on or off, on the healthy cameras. */
    public Mono<FireResult> fire(boolean on) {
        return rig.fire(on);
    }

    /** Brings failed cameras back (reconnects when needed), then re-reads their key settings. */
    public Mono<List<RigMember>> recover() {
        return rig.recover().flatMap(back -> readKeySettings(back::contains).thenReturn(back));
    }

    @Override
    public void close() {
        if (keepAlive != null) {
            keepAlive.dispose();
        }
        rig.close();
    }
}
