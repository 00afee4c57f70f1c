package io.camrig.engine.camera;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.lifecycle.DisposableResource;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.OpenGoProVersion;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One GoPro camera over BLE: the connection, its request queues and its inbound pipeline. Requests
 * are queued per request characteristic with one exchange in flight on each; every exchange has a
 * time limit ({@link CameraOptions#exchangeTimeout()}) and fails with a typed error
 * ({@code ExchangeTimeoutException}, {@code ConnectionClosedException}, {@code CameraStatusException}).
 * Notifications are reassembled and decoded on the thread the transport delivers them on; the
 * exchanges' state runs on one worker of a shared scheduler; results are delivered on
 * {@link CameraOptions#deliveryScheduler()}.
 *
 * <p>The operations are grouped: {@link #control()} (shutter, clock, AP, keep-alive, …),
 * {@link #info()} (hardware info, version, last media), {@link #settings()}, {@link #statuses()},
 * {@link #presets()}, {@link #network()}, {@link #cohn()} and {@link #livestream()}. The methods
 * directly on {@code Camera} are the ones a recording session uses.
 *
 * <p>Create one with {@link #open(GattConnection, String, CameraOptions)} on a connected link. It
 * enables notifications on every response characteristic (Open GoPro BLE spec, "Configure GATT
 * Characteristics") before it is handed out.
 */
public final class Camera implements DisposableResource {
    private final String name;
    private final CameraConnection core;
    private final CameraLink link;
    private final PushRegistry registry = new PushRegistry();
    private final CameraControl control;
    private final CameraInfo info;
    private final CameraSettings settings;
    /** The status operation group (queries, registrations): what {@link #statuses()} returns. */
    private final CameraStatuses statusOperations;
    private final CameraPresets presets;
    private final CameraNetwork network;
    private final CameraCohn cohn;
    private final CameraLivestream livestream;
    private final Readiness readiness;

    private Camera(GattConnection connection, String name, CameraOptions options) {
        this.name = name;
        this.core = new CameraConnection(connection, name, options);
        this.link = core.link();
        this.control = new CameraControl(link);
        this.info = new CameraInfo(link, connection);
        this.settings = new CameraSettings(link, info, registry);
        this.statusOperations = new CameraStatuses(link, registry);
        this.presets = new CameraPresets(link, registry);
        this.network = new CameraNetwork(link);
        this.cohn = new CameraCohn(link, registry);
        this.livestream = new CameraLivestream(link, registry);
        this.readiness = new Readiness(link, core.statusCache(), core.statusHub());
    }

    /**
     * Wraps a connected link: subscribes to its notifications and states, then enables
     * notifications on GP-0073, GP-0075, GP-0077 and GP-0092.
     *
     * @param name a label for errors and reports (e.g. the advertised name or serial)
     */
    public static Mono<Camera> open(GattConnection connection, String name, CameraOptions options) {
        return Mono.defer(() -> {
            Camera camera = new Camera(connection, name, options);
            camera.core.start();
            // A camera never handed out (an error, or the caller cancelling) is disposed here.
            return Flux.just(GoProUuid.COMMAND_RESPONSE, GoProUuid.SETTINGS_RESPONSE, GoProUuid.QUERY_RESPONSE,
                            GoProUuid.NETWORK_MANAGEMENT_RESPONSE)
                    .concatMap(u -> connection.enableNotifications(u.uuid()))
                    .then(Mono.just(camera))
                    .onErrorMap(e -> new ConnectionClosedException(name, "enable notifications", e))
                    .doOnError(e -> camera.dispose())
                    .doOnCancel(camera::dispose)
                    .publishOn(options.deliveryScheduler());
        });
    }

    /** Control operations: shutter, sleep, reboot, clock, hilights, AP, keep-alive, camera control … */
    public CameraControl control() {
        return control;
    }

    /** What the camera is: hardware info and model, Open GoPro version, last captured media. */
    public CameraInfo info() {
        return info;
    }

    /** Settings: get, set (checked against the model), capabilities, push streams. */
    public CameraSettings settings() {
        return settings;
    }

    /** Statuses, typed: get one, several or all, push streams. */
    public CameraStatuses statuses() {
        return statusOperations;
    }

    /** Presets and preset groups. */
    public CameraPresets presets() {
        return presets;
    }

    /** Access point scanning and provisioning. */
    public CameraNetwork network() {
        return network;
    }

    /** Camera on the home network. */
    public CameraCohn cohn() {
        return cohn;
    }

    /** Live streaming. */
    public CameraLivestream livestream() {
        return livestream;
    }

    /** The label given at {@link #open}. */
    public String name() {
        return name;
    }

    /** The link's address. */
    public String address() {
        return core.gatt().address();
    }

    /** Packets and messages the inbound pipeline discarded so far, and deliveries dropped. */
    public LinkStats linkStats() {
        return core.linkStats();
    }

    /** {@code false} once the BLE link is down. */
    public boolean isConnected() {
        return core.isConnected();
    }

    /** Reads the AP SSID (GP-0002) and password (GP-0003) directly; see {@link CameraInfo#apCredentials()}. */
    public Mono<ApCredentials> readApCredentials() {
        return info.apCredentials();
    }

    /** Get Hardware Info (0x3C); see {@link CameraInfo#hardwareInfo()}. */
    public Mono<HardwareInfo> hardwareInfo() {
        return info.hardwareInfo();
    }

    /** Get Open GoPro Version (0x51). */
    public Mono<OpenGoProVersion> openGoProVersion() {
        return info.openGoProVersion();
    }

    /**
     * Register for Status Value Updates (0x53), for good (no unregistration): the response's values
     * fill the status cache and later changes arrive on {@link #statusUpdates()}. For a stream that
     * unregisters when cancelled, use {@link CameraStatuses#updates}.
     *
     * @return the current values, status id → unsigned value
     */
    public Mono<Map<Integer, Long>> registerStatusUpdates(int... statusIds) {
        return statusOperations.registerForGood(statusIds);
    }

    /** Claims control; see {@link CameraControl#claimControl()}. */
    public Mono<Void> claimControl() {
        return control.claimControl();
    }

    /** Load Preset Group (0x3E), e.g. 1000 for video. */
    public Mono<Void> loadPresetGroup(int presetGroupId) {
        return presets.loadGroup(presetGroupId);
    }

    /** Sets the camera's clock (0x0D, or 0x0F on models without it); see {@link CameraControl#setDateTime}. */
    public Mono<Void> setDateTime(LocalDateTime dateTime) {
        return control.setDateTime(dateTime);
    }

    /**
     * Keep Alive (0x5B, parameter 0x42), written to GP-0074 and acknowledged on GP-0075 (Open GoPro
     * BLE spec, "Control" / "Keep Alive"). Send one every 3 s or the camera may sleep.
     */
    public Mono<Void> keepAlive() {
        return control.keepAlive();
    }

    /**
     * Set Shutter (0x01). The result's {@link ExchangeResult#writeIssuedNanos()} is the instant the
     * write was issued to the transport, which rig fire-skew figures use.
     */
    public Mono<ExchangeResult> setShutter(boolean on) {
        return control.setShutter(on);
    }

    /**
     * Set Shutter (0x01), armed: see {@link CameraControl#armShutter(boolean)}. A rig arms every
     * camera, then releases each {@link ArmedShutter} from one thread at the instant it chose.
     */
    public Mono<ArmedShutter> armShutter(boolean on) {
        return control.armShutter(on);
    }

    /**
     * Status values as they change (from status query responses and 0x93 pushes); errors when the
     * link drops. Best effort, never blocking the camera: each subscriber has a buffer of 256
     * (Reactor's prefetch); an update that finds it full is dropped for that subscriber and
     * counted in {@link LinkStats#deliveriesDropped()}. The latest values are always in
     * {@link #status(int)}.
     */
    public Flux<StatusUpdate> statusUpdates() {
        return core.statusUpdates();
    }

    /**
     * Unsolicited messages: push notifications and responses nobody waited for. Best effort, as
     * {@link #statusUpdates()}: a subscriber more than 256 behind loses messages, and they are
     * counted in {@link LinkStats#deliveriesDropped()}.
     */
    public Flux<CameraMessage> unsolicited() {
        return core.unsolicited();
    }

    /** The last known value of a status. */
    public Optional<Long> status(int statusId) {
        return core.statusCache().get(statusId);
    }

    /** Link states as the transport reports them. */
    public Flux<ConnectionState> states() {
        return core.gatt().states();
    }

    /**
     * Completes when the camera is ready — not busy (status 8) and not encoding (status 10) — or
     * errors with {@code NotReadyException} after {@code timeout}. Needs status registration first.
     */
    public Mono<Void> awaitReady(Duration timeout) {
        return readiness.awaitReady(timeout);
    }

    /**
     * Completes with the update that shows encoding (status 10) {@code on} or off, or errors
     * with {@code NotReadyException} after {@code timeout} ({@code ConnectionClosedException}
     * when the link drops). When the cache already shows it, the result carries the time of this
     * call. Pushes first, and the status re-read every quarter of {@code timeout} in case a push
     * is lost: see {@link EncodingWatch}.
     */
    public Mono<StatusUpdate> awaitEncoding(boolean on, Duration timeout) {
        return link.deliver(encodingWatch().await(on, timeout, timeout.dividedBy(4)));
    }

    /** This camera's encoding watch: its status pushes and cache, and a re-read on this link. */
    public EncodingWatch encodingWatch() {
        return new EncodingWatch(name, core.statusHub(),
                Mono.fromSupplier(() -> core.statusCache().get(Status.ENCODING.id()).orElse(null)),
                statusOperations.registerForGood(Status.ENCODING.id()).mapNotNull(v -> v.get(Status.ENCODING.id())),
                link.options().scheduler());
    }

    /**
     * Disposes the camera and completes when it is done (see {@link #dispose()}); errors as
     * {@link #onDispose()}.
     */
    public Mono<Void> disconnect() {
        return Mono.defer(() -> {
            dispose();
            return onDispose();
        });
    }

    /**
     * Starts closing, without waiting (reactor-netty's {@code DisposableChannel#dispose}): stops
     * reading the link's notifications and states, closes the link, fails every pending exchange
     * with {@code ConnectionClosedException}, ends the status and unsolicited streams, and then
     * disposes the camera's worker. Idempotent. {@link #onDispose()} tells when it is done.
     */
    @Override
    public void dispose() {
        core.dispose();
    }

    /** {@code true} once {@link #dispose()} was called. */
    @Override
    public boolean isDisposed() {
        return core.isDisposed();
    }

    /**
     * Completes when the camera is disposed: link closed, exchanges failed, worker disposed; errors
     * with {@code ConnectionClosedException} when closing the link failed (everything else was
     * released all the same). Subscribing does not start the disposal.
     */
    @Override
    public Mono<Void> onDispose() {
        return core.onDispose();
    }

    /** {@code "camera <name>"}. */
    @Override
    public String toString() {
        return "camera " + name;
    }
}
