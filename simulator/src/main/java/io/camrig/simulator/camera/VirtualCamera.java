package io.camrig.simulator.camera;

import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Status;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
 *
 * <p>One small part per role shares the camera's state: {@code Recorder} (shutter, hilights, Delete
 * All Files, the faults around a recording), {@code PresetControl} (preset loads and the statuses
 * that follow them), {@code CameraNetwork} (AP control, network listeners), {@code CameraClock};
 * the request handlers of each {@link GattServerSession} answer through them.
 */
public final class VirtualCamera {
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
    private final CameraNetwork network;
    private final PresetControl presetControl;
    private final CameraClock clock = new CameraClock();
    private final Recorder recorder = new Recorder(this);
    private volatile URI httpBaseUri;

    public VirtualCamera(CameraIdentity identity, CameraBehaviour options, Duration latency) {
        this.identity = identity;
        this.options = options;
        this.latency = latency;
        this.model = identity.model().catalogModel();
        this.statuses = CameraStatuses.forModel(model, identity.bleName());
        this.settings = new SimulatedSettings(model);
        this.wifi = new SimulatedWifi(identity.index(), options.networks(), options.emptyScans());
        this.cohn = new SimulatedCohn(options.seed(), identity.index(), identity.macAddress());
        this.network = new CameraNetwork(this);
        this.sdCard = new SdCard(identity.serial(), options.seed(), options.mediaFileBytes());
        settings.onChange(change -> sessions.forEach(s -> s.settingsChanged(change)));
        this.presetControl = new PresetControl(this);
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
        return clock.lastSet();
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
        network.onChange(listener);
    }

    /**
     * Calls {@code listener} with the {@link System#nanoTime()} instant each time this camera starts
     * encoding (shutter on accepted), before its encoding status push leaves: the ground truth a
     * benchmark compares across processes of one machine (they share the monotonic clock).
     */
    public void onEncodingStart(java.util.function.LongConsumer listener) {
        recorder.onEncodingStart(listener);
    }

    /**
     * As {@link #onEncodingStart(java.util.function.LongConsumer)}, with the modeled arrival
     * instant of the write as well.
     */
    public void onEncodingStartArrival(EncodingStart listener) {
        recorder.onEncodingStart(handled -> listener.started(handled, LinkArrival.dueNanosOr(handled)));
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
        network.moveCohn(ipAddress);
    }

    /** Tells every session that the live stream or COHN state changed. */
    void networkChanged() {
        sessions.forEach(GattServerSession::networkChanged);
    }

    /** Tells every session that the presets changed. */
    void presetsChanged() {
        sessions.forEach(GattServerSession::presetsChanged);
    }

    /** Busy (status 8) for {@code period}, then ready again. */
    void busyFor(Duration period) {
        if (period.isZero()) {
            return;
        }
        statuses.setFlag(Status.BUSY.id(), true);
        after(period, () -> statuses.setFlag(Status.BUSY.id(), false));
    }

    /**
     * The camera's own clock at host instant {@code at}: the value last set over BLE plus the time
     * since it was set (a camera applies the value when the command arrives), or UTC when never set.
     */
    public LocalDateTime clockAt(Instant at) {
        return clock.at(at);
    }

    /**
     * Plays a camera whose footage starts {@code late} after it reports encoding (a sensor that
     * takes its time): statuses and answers are unchanged, only the recording's {@code tmcd} start
     * frame and GPMF timestamp move. Zero restores a prompt camera.
     */
    public void startFootageLate(Duration late) {
        recorder.startFootageLate(late);
    }

    /**
     * Plays lost packets: the next {@code n} Set Shutter on commands never reach the camera (no
     * answer, no effect), so the central's exchange times out and its checked retry resends.
     */
    public void loseNextShutterOn(int n) {
        recorder.loseNextShutterOn(n);
    }

    /** Plays a camera that writes {@code firmware} into its recordings' {@code udta/FIRM} (null: its own). */
    public void firmwareInFootage(String firmware) {
        recorder.firmwareInFootage(firmware);
    }

    /** The clock as set over BLE, for the commands that set and get it. */
    CameraClock cameraClock() {
        return clock;
    }

    /** The shutter, hilights and Delete All Files: what the camera records. */
    Recorder recorder() {
        return recorder;
    }

    /** Set AP Control and the network listeners. */
    CameraNetwork network() {
        return network;
    }

    /** Load Preset (Group). */
    PresetControl presetControl() {
        return presetControl;
    }

    void after(Duration delay, Runnable task) {
        options.scheduler().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "VirtualCamera[" + identity + "]";
    }
}
