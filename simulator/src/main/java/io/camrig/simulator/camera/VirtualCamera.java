package io.camrig.simulator.camera;

import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.state.SimulatedCohn;
import io.camrig.simulator.state.SimulatedLivestream;
import io.camrig.simulator.state.SimulatedPresets;
import io.camrig.simulator.state.SimulatedSettings;
import io.camrig.simulator.state.SimulatedWifi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;

/**
 * One simulated camera: its identity, statuses, settings, presets, network state, SD card and
 * behaviour. BLE centrals talk to it through {@link GattServerSession}s (one per connection); its
 * HTTP server shares its state. What it supports comes from the catalog for its model
 * ({@link #model()}): a simulated HERO9 refuses what references.json says a HERO9 lacks.
 *
 * <p>Behaviour modelled on the Open GoPro spec, "State Management": setting changes, preset loads
 * and shutter on are refused with status {@code error} while busy (status 8) or encoding
 * (status 10); loading a preset group makes the camera busy for
 * {@link CameraBehaviour#busyAfterCommand()}, a setting change or preset load for
 * {@link CameraBehaviour#busyAfterSetting()}; shutter on sets encoding at once, shutter off clears
 * it after {@link CameraBehaviour#encodingStopTime()} and adds one file to the SD card.
 */
public final class VirtualCamera {
    /** The preset group id of video (EnumPresetGroup.PRESET_GROUP_ID_VIDEO). */
    public static final int PRESET_GROUP_VIDEO = 1000;

    private final CameraIdentity identity;
    private final CameraBehaviour options;
    private final Duration latency;
    private final CameraModel model;
    private final CameraStatuses statuses;
    private final SimulatedSettings settings;
    private final SimulatedPresets presets = new SimulatedPresets();
    private final SimulatedWifi wifi;
    private final SimulatedCohn cohn;
    private final SimulatedLivestream livestream = new SimulatedLivestream();
    private final SdCard sdCard;
    private final List<GattServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final List<Runnable> networkListeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.LongConsumer> encodingStartListeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong apCommands = new java.util.concurrent.atomic.AtomicLong();
    private volatile URI httpBaseUri;
    private CameraLocalDateTime clock;
    private Instant clockSetAt;
    private Instant recordingStarted;
    private volatile Duration footageLate = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicInteger shuttersToLose = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String firmwareInFootage;

    public VirtualCamera(CameraIdentity identity, CameraBehaviour options, Duration latency) {
        this.identity = identity;
        this.options = options;
        this.latency = latency;
        this.model = identity.model().catalogModel();
        this.statuses = CameraStatuses.forModel(model, identity.bleName());
        this.settings = new SimulatedSettings(model);
        this.wifi = new SimulatedWifi(identity.index(), options.networks(), options.emptyScans());
        this.cohn = new SimulatedCohn(options.seed(), identity.index(), mac());
        this.cohn.onChange(this::fireNetworkListeners);
        this.wifi.onConnectionChange(this::fireNetworkListeners);
        this.sdCard = new SdCard(identity.serial(), options.seed(), options.mediaFileBytes());
        settings.onChange(change -> sessions.forEach(s -> s.settingsChanged(change)));
        presets.onChange(() -> {
            setReported(96, 4, presets.activeGroup());
            setReported(97, 4, presets.activePreset());
            setReported(89, 1, presets.activeMode());
            setReported(93 + (presets.activeGroup() - PRESET_GROUP_VIDEO), 4, presets.activePreset());
            sessions.forEach(GattServerSession::presetsChanged);
        });
    }

    /** Sets a status the model reports; statuses it does not report stay absent. */
    void setReported(int id, int width, long value) {
        if (statuses.has(id)) {
            statuses.setInt(id, width, value);
        }
    }

    public CameraIdentity identity() {
        return identity;
    }

    /** The catalog model this camera impersonates. */
    public CameraModel model() {
        return model;
    }

    /** The one-way latency of this camera's BLE link. */
    public Duration latency() {
        return latency;
    }

    public CameraStatuses statuses() {
        return statuses;
    }

    public SimulatedSettings settings() {
        return settings;
    }

    public SimulatedPresets presets() {
        return presets;
    }

    public SimulatedWifi wifi() {
        return wifi;
    }

    public SimulatedCohn cohn() {
        return cohn;
    }

    public SimulatedLivestream livestream() {
        return livestream;
    }

    public SdCard sdCard() {
        return sdCard;
    }

    /** The base URI of this camera's HTTP server, once started. */
    public URI httpBaseUri() {
        return httpBaseUri;
    }

    public void httpBaseUri(URI uri) {
        this.httpBaseUri = uri;
    }

    /** The camera's clock as last set over BLE (0x0D or 0x0F), or {@code null}. */
    public LocalDateTime clock() {
        synchronized (lock) {
            return clock == null ? null : clock.dateTime();
        }
    }

    Scheduler scheduler() {
        return options.scheduler();
    }

    CameraBehaviour options() {
        return options;
    }

    /**
     * Opens a GATT server session for one central's connection.
     *
     * @param outbound where the session sends notifications (already packetized)
     * @param dropLink called when the camera drops the link (fault injection)
     */
    public GattServerSession openSession(Consumer<io.camrig.ble.spi.GattNotification> outbound, Runnable dropLink) {
        return openSession(outbound, dropLink, new io.camrig.simulator.fault.LinkFaults(
                io.camrig.simulator.fault.FaultProfile.NONE, new io.camrig.simulator.fault.FaultCounters(), 0));
    }

    /** As above, with request-level faults (sleep, error statuses, busy periods) drawn from {@code faults}. */
    public GattServerSession openSession(Consumer<io.camrig.ble.spi.GattNotification> outbound, Runnable dropLink,
                                         io.camrig.simulator.fault.LinkFaults faults) {
        GattServerSession session = new GattServerSession(this, outbound, dropLink, faults);
        sessions.add(session);
        return session;
    }

    void sessionClosed(GattServerSession session) {
        sessions.remove(session);
    }

    /**
     * Runs {@code listener} (on the caller's thread, synchronously) after every change of the COHN
     * certificate, address or enablement, or of the network the camera is connected to: what a COHN
     * HTTPS server follows. COHN status pushes to BLE clients follow the listeners.
     */
    public void onNetworkChange(Runnable listener) {
        networkListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the {@link System#nanoTime()} instant each time this camera starts
     * encoding (shutter on accepted), before its encoding status push leaves: the ground truth a
     * benchmark compares across processes of one machine (they share the monotonic clock).
     */
    public void onEncodingStart(java.util.function.LongConsumer listener) {
        encodingStartListeners.add(listener);
    }

    /** Told each time a camera starts encoding (on a real scheduler both instants are {@link System#nanoTime()}). */
    @FunctionalInterface
    public interface EncodingStart {
        /**
         * @param handledNanos {@link System#nanoTime()} when this machine's thread ran the shutter
         * @param arrivedNanos when the simulated link modeled the shutter write's arrival, in the link's clock
         *                     ({@link LinkArrival}): what a real camera, with its own radio and CPU,
         *                     would see; {@code handledNanos} when the write came another way (HTTP)
         */
        void started(long handledNanos, long arrivedNanos);
    }

    /**
     * As {@link #onEncodingStart(java.util.function.LongConsumer)}, with the modeled arrival
     * instant of the write as well.
     */
    public void onEncodingStartArrival(EncodingStart listener) {
        encodingStartListeners.add(handled -> listener.started(handled, LinkArrival.dueNanosOr(handled)));
    }

    private void fireNetworkListeners() {
        networkListeners.forEach(Runnable::run);
    }

    /** COHN provisioned: a certificate exists and the camera is connected to a network. */
    public boolean cohnProvisioned() {
        return cohn.provisioned(wifi.connected());
    }

    /**
     * Moves the camera to another IPv4 address on its network (a DHCP lease change): listeners run
     * (a COHN HTTPS server moves), then registered BLE clients get NotifyCOHNStatus (F5 EF) with the
     * new address.
     */
    public void moveCohn(String ipAddress) {
        cohn.moveTo(ipAddress);
        networkChanged();
    }

    /**
     * Set AP Control: {@code 0} turns the AP off (status 69 "AP Mode" to 0 at once), {@code 1} turns
     * it on (status 69 to 1 after {@link CameraBehaviour#busyAfterCommand()}, the time the camera
     * takes to start its Wi-Fi hardware and DHCP server), {@code 2} bounces it (off at once, on after
     * the same delay). A later command cancels a pending turn-on.
     */
    TlvStatus apControl(int mode) {
        if (mode < 0 || mode > 2) {
            return TlvStatus.INVALID_PARAMETER;
        }
        long command = apCommands.incrementAndGet();
        if (mode == 0 || mode == 2) {
            statuses.setFlag(Status.AP_MODE.id(), false);
        }
        if (mode != 0) {
            after(options.busyAfterCommand(), () -> {
                if (apCommands.get() == command) {
                    statuses.setFlag(Status.AP_MODE.id(), true);
                }
            });
        }
        return TlvStatus.SUCCESS;
    }

    /** Tells every session that the live stream or COHN state changed. */
    void networkChanged() {
        sessions.forEach(GattServerSession::networkChanged);
    }

    HardwareInfo hardwareInfo() {
        SimulatedModel m = identity.model();
        return new HardwareInfo(m.modelId(), m.displayName(), m.firmwareVersion(), identity.serial(),
                identity.apSsid(), mac());
    }

    private String mac() {
        return identity.address().replace(":", "").toLowerCase();
    }

    boolean busy() {
        return statuses.get(Status.BUSY.id()) == 1;
    }

    boolean encoding() {
        return statuses.get(Status.ENCODING.id()) == 1;
    }

    /** Busy (status 8) for {@code period}, then ready again. */
    void busyFor(Duration period) {
        if (period.isZero()) {
            return;
        }
        statuses.setFlag(Status.BUSY.id(), true);
        after(period, () -> statuses.setFlag(Status.BUSY.id(), false));
    }

    void setClock(CameraLocalDateTime value) {
        synchronized (lock) {
            clock = value;
            clockSetAt = Instant.now();
        }
    }

    /**
     * The camera's own clock at host instant {@code at}: the value last set over BLE plus the time
     * since it was set (a camera applies the value when the command arrives), or UTC when never set.
     */
    public LocalDateTime clockAt(Instant at) {
        synchronized (lock) {
            if (clock == null) {
                return LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
            }
            return clock.dateTime().plus(Duration.between(clockSetAt, at));
        }
    }

    /**
     * Plays a camera whose footage starts {@code late} after it reports encoding (a sensor that
     * takes its time): statuses and answers are unchanged, only the recording's {@code tmcd} start
     * frame and GPMF timestamp move. Zero restores a prompt camera.
     */
    public void startFootageLate(Duration late) {
        if (late.isNegative()) {
            throw new IllegalArgumentException("late must not be negative");
        }
        this.footageLate = late;
    }

    /**
     * Plays lost packets: the next {@code n} Set Shutter on commands never reach the camera (no
     * answer, no effect), so the central's exchange times out and its checked retry resends.
     */
    public void loseNextShutterOn(int n) {
        shuttersToLose.set(Math.max(0, n));
    }

    /** {@code true} (once per lost command) while shutter-on commands are to be lost. */
    boolean loseShutterOn() {
        return shuttersToLose.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
    }

    /** Plays a camera that writes {@code firmware} into its recordings' {@code udta/FIRM} (null: its own). */
    public void firmwareInFootage(String firmware) {
        this.firmwareInFootage = firmware;
    }

    /** The clock, running from the last set (the simulator keeps it as set), or now in UTC. */
    CameraLocalDateTime localClock() {
        synchronized (lock) {
            return clock != null ? clock
                    : new CameraLocalDateTime(LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                    0, false);
        }
    }

    /** Load Preset Group: refused while busy or encoding; busy afterwards. */
    TlvStatus loadPresetGroup(int groupId) {
        if (busy() || encoding()) {
            return TlvStatus.ERROR;
        }
        if (presets.loadGroup(groupId) != SimulatedPresets.Result.OK) {
            return TlvStatus.INVALID_PARAMETER;
        }
        busyFor(options.busyAfterCommand());
        return TlvStatus.SUCCESS;
    }

    /** Load Preset: refused while busy or encoding, or for a hidden or unknown preset. */
    TlvStatus loadPreset(long presetId) {
        if (busy() || encoding()) {
            return TlvStatus.ERROR;
        }
        if (presetId > Integer.MAX_VALUE || presets.load((int) presetId) != SimulatedPresets.Result.OK) {
            return TlvStatus.INVALID_PARAMETER;
        }
        busyFor(options.busyAfterSetting());
        return TlvStatus.SUCCESS;
    }

    int presetGroup() {
        return presets.activeGroup();
    }

    void claimControl(int controlStatus) {
        statuses.setInt(Status.CAMERA_CONTROL_ID.id(), 1, controlStatus);
    }

    TlvStatus shutter(boolean on, GattServerSession from) {
        synchronized (lock) {
            if (on) {
                if (busy() || encoding()) {
                    return TlvStatus.ERROR;
                }
                recordingStarted = Instant.now();
                long startedNanos = System.nanoTime();
                encodingStartListeners.forEach(l -> l.accept(startedNanos));
                statuses.setFlag(Status.ENCODING.id(), true);
                if (options.failCameras().contains(identity.index())) {
                    after(options.linkDropDelay(), from::dropLink);
                }
                return TlvStatus.SUCCESS;
            }
            if (!encoding() || recordingStarted == null) {
                return TlvStatus.SUCCESS;   // a real camera acknowledges shutter off when idle
            }
            Instant started = recordingStarted;
            recordingStarted = null;
            Instant footageStart = started.plus(footageLate);
            Instant stopped = Instant.now();
            String firmware = firmwareInFootage != null ? firmwareInFootage : identity.model().firmwareVersion();
            io.camrig.simulator.media.RecordingFacts facts = new io.camrig.simulator.media.RecordingFacts(
                    identity.model().displayName(), firmware, identity.serial(), clockAt(footageStart),
                    stopped.isAfter(footageStart) ? Duration.between(footageStart, stopped) : Duration.ZERO);
            after(options.encodingStopTime(), () -> {
                sdCard.record(started, facts);
                setReported(39, 4, sdCard.fileCount());
                setReported(58, 4, 0);
                statuses.setFlag(Status.ENCODING.id(), false);
            });
            return TlvStatus.SUCCESS;
        }
    }

    /** Hilight Moment: only while encoding; counts in status 58 (active hilights). */
    TlvStatus hilight() {
        if (!encoding()) {
            return TlvStatus.ERROR;
        }
        setReported(58, 4, Math.max(0, statuses.get(58)) + 1);
        return TlvStatus.SUCCESS;
    }

    /** Delete All Files: refused while encoding; the SD card is emptied. */
    TlvStatus deleteAllFiles() {
        if (busy() || encoding()) {
            return TlvStatus.ERROR;
        }
        sdCard.deleteAll();
        setReported(38, 4, 0);
        setReported(39, 4, 0);
        busyFor(options.busyAfterSetting());
        return TlvStatus.SUCCESS;
    }

    void after(Duration delay, Runnable task) {
        options.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "VirtualCamera[" + identity + "]";
    }
}
