package io.camrig.engine.camera;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.error.CameraStatusException;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.NotReadyException;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.StatusId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.UnknownMessage;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.ResponseGeneric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One GoPro camera over BLE. Requests are queued per request characteristic with one exchange in
 * flight on each; every exchange has a time limit ({@link CameraOptions#exchangeTimeout()}) and
 * fails with a typed error ({@code ExchangeTimeoutException}, {@code ConnectionClosedException},
 * {@code CameraStatusException}). The camera's work runs on one worker of a shared scheduler;
 * results are delivered on {@link CameraOptions#deliveryScheduler()}.
 *
 * <p>Create one with {@link #open(GattConnection, String, CameraOptions)} on a connected link. It
 * enables notifications on every response characteristic (Open GoPro BLE spec, "Configure GATT
 * Characteristics") before it is handed out.
 */
public final class Camera implements AutoCloseable {
    private final String name;
    private final GattConnection connection;
    private final CameraOptions options;
    private final Scheduler worker;
    private final Map<GoProUuid, ExchangeQueue> queues = new EnumMap<>(GoProUuid.class);
    private final StatusCache statuses = new StatusCache();
    private final Sinks.Many<StatusUpdate> statusHub = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<CameraMessage> unsolicitedHub = Sinks.many().multicast().directBestEffort();
    private final InboundPipeline inbound;
    private final Disposable.Composite subscriptions = Disposables.composite();
    private volatile boolean connected = true;

    private Camera(GattConnection connection, String name, CameraOptions options) {
        this.name = name;
        this.connection = connection;
        this.options = options;
        this.worker = Schedulers.single(options.scheduler());
        Map<GoProUuid, ExchangeQueue> byResponse = new EnumMap<>(GoProUuid.class);
        for (GoProUuid request : new GoProUuid[] {GoProUuid.COMMAND, GoProUuid.SETTINGS, GoProUuid.QUERY,
                GoProUuid.NETWORK_MANAGEMENT_COMMAND}) {
            ExchangeQueue q = new ExchangeQueue(request, connection, worker, name);
            queues.put(request, q);
            byResponse.put(request.responseCharacteristic().orElseThrow(), q);
        }
        this.inbound = new InboundPipeline(name, byResponse, statuses, statusHub, unsolicitedHub,
                options.maxMessageLength());
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
            camera.start();
            return Flux.just(GoProUuid.COMMAND_RESPONSE, GoProUuid.SETTINGS_RESPONSE, GoProUuid.QUERY_RESPONSE,
                            GoProUuid.NETWORK_MANAGEMENT_RESPONSE)
                    .concatMap(u -> connection.enableNotifications(u.uuid()))
                    .then(Mono.just(camera))
                    .onErrorMap(e -> new ConnectionClosedException(name, "enable notifications", e))
                    .publishOn(options.deliveryScheduler());
        });
    }

    private void start() {
        subscriptions.add(connection.notifications()
                .publishOn(worker, 256)
                .subscribe(inbound::onNotification, e -> worker.schedule(() -> linkDown(e)),
                        () -> worker.schedule(() -> linkDown(null))));
        subscriptions.add(connection.states()
                .filter(s -> s == ConnectionState.DISCONNECTED)
                .subscribe(s -> worker.schedule(() -> linkDown(null))));
    }

    private void linkDown(Throwable cause) {
        if (!connected) {
            return;
        }
        connected = false;
        ConnectionClosedException closed = new ConnectionClosedException(name, null, cause);
        queues.values().forEach(q -> q.close(closed));
        statusHub.tryEmitError(closed);
        unsolicitedHub.tryEmitComplete();
    }

    /** The label given at {@link #open}. */
    public String name() {
        return name;
    }

    /** The link's address. */
    public String address() {
        return connection.address();
    }

    /** {@code false} once the BLE link is down. */
    public boolean isConnected() {
        return connected;
    }

    /** Reads the AP SSID (GP-0002) and password (GP-0003) directly. */
    public Mono<ApCredentials> readApCredentials() {
        Mono<String> ssid = read(GoProUuid.WIFI_AP_SSID);
        Mono<String> password = read(GoProUuid.WIFI_AP_PASSWORD);
        return deliver(ssid.zipWith(password, ApCredentials::new));
    }

    private Mono<String> read(GoProUuid characteristic) {
        return connection.read(characteristic.uuid())
                .timeout(options.exchangeTimeout(), options.scheduler())
                .map(b -> new String(b, StandardCharsets.UTF_8).replace("\0", ""))
                .onErrorMap(e -> !(e instanceof io.camrig.proto.error.CamrigException),
                        e -> new ConnectionClosedException(name, "read " + characteristic.label(), e));
    }

    /** Get Hardware Info (0x3C): model, firmware, serial number, AP SSID and MAC. */
    public Mono<HardwareInfo> hardwareInfo() {
        return deliver(command(CommandId.GET_HARDWARE_INFO, RequestEncoder.getHardwareInfo())
                .map(r -> HardwareInfo.parse(((CommandResponse) r.response()).payload())));
    }

    /** Get Open GoPro Version (0x51). */
    public Mono<OpenGoProVersion> openGoProVersion() {
        return deliver(command(CommandId.GET_OPEN_GOPRO_VERSION, RequestEncoder.getOpenGoProVersion())
                .map(r -> OpenGoProVersion.parse(((CommandResponse) r.response()).payload())));
    }

    /**
     * Register for Status Value Updates (0x53): the response's values fill the status cache and
     * later changes arrive on {@link #statusUpdates()}.
     *
     * @return the current values, status id → unsigned value
     */
    public Mono<Map<Integer, Long>> registerStatusUpdates(int... statusIds) {
        EncodedRequest request = RequestEncoder.registerStatusUpdates(statusIds);
        return deliver(exchange("query 0x53 register_status_value_updates", request,
                m -> m instanceof QueryResponse q && q.queryId() == QueryId.REGISTER_STATUS_VALUE_UPDATES)
                .map(r -> {
                    QueryResponse q = (QueryResponse) r.response();
                    requireSuccess("query 0x53 register_status_value_updates", q.status().isSuccess(), q.status().label());
                    Map<Integer, Long> values = new java.util.TreeMap<>();
                    q.entries().forEach(e -> values.put(e.id(), e.asLong()));
                    return values;
                }));
    }

    /** Set Camera Control (protobuf 0xF1 0x69) to external control. */
    public Mono<Void> claimControl() {
        EncodedRequest request = RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL);
        String op = "protobuf 0xF1 0x69 set_camera_control";
        return deliver(exchange(op, request, protobufAnswer(ProtobufId.FEATURE_COMMAND,
                ProtobufId.ACTION_SET_CAMERA_CONTROL_RESPONSE))
                .doOnNext(r -> requireProtobufSuccess(op, r.response()))
                .then());
    }

    /** Load Preset Group (0x3E), e.g. 1000 for video. */
    public Mono<Void> loadPresetGroup(int presetGroupId) {
        return deliver(command(CommandId.LOAD_PRESET_GROUP, RequestEncoder.loadPresetGroup(presetGroupId)).then());
    }

    /** Set Date Time (0x0D); the camera keeps whole seconds. */
    public Mono<Void> setDateTime(LocalDateTime dateTime) {
        return deliver(command(CommandId.SET_DATE_TIME, RequestEncoder.setDateTime(dateTime)).then());
    }

    /**
     * Keep Alive (0x5B, parameter 0x42), written to GP-0074 and acknowledged on GP-0075 (Open GoPro
     * BLE spec, "Control" / "Keep Alive"). Send one every 3 s or the camera may sleep.
     */
    public Mono<Void> keepAlive() {
        String op = "setting 0x5B keep_alive";
        return deliver(exchange(op, RequestEncoder.keepAlive(),
                m -> m instanceof SettingResponse r && r.settingId() == CommandId.KEEP_ALIVE)
                .doOnNext(r -> {
                    SettingResponse s = (SettingResponse) r.response();
                    requireSuccess(op, s.status().isSuccess(), s.status().label());
                })
                .then());
    }

    /**
     * Set Shutter (0x01). The result's {@link ExchangeResult#writeIssuedNanos()} is the instant the
     * write was issued to the transport, which rig fire-skew figures use.
     */
    public Mono<ExchangeResult> setShutter(boolean on) {
        return deliver(command(CommandId.SET_SHUTTER, RequestEncoder.setShutter(on)));
    }

    /**
     * Set Shutter (0x01), armed: the request goes in flight and calls {@code onArmed}, then is
     * written only when {@code trigger} completes, on the thread that completes it. A rig arms
     * every camera, then completes one trigger, so all writes are issued from one instant.
     * {@code onArmed} is also called if the request fails before it is armed.
     */
    public Mono<ExchangeResult> setShutterArmed(boolean on, Mono<Void> trigger, Runnable onArmed) {
        String op = String.format("command 0x%02X %s", CommandId.SET_SHUTTER, CommandId.name(CommandId.SET_SHUTTER));
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (told.compareAndSet(false, true)) {
                onArmed.run();
            }
        };
        EncodedRequest request = RequestEncoder.setShutter(on);
        return deliver(queues.get(request.characteristic())
                .submit(op, request.bytes(), m -> m instanceof CommandResponse c && c.commandId() == CommandId.SET_SHUTTER,
                        options.exchangeTimeout(), trigger, once)
                .doOnError(e -> once.run())
                .doOnNext(r -> {
                    CommandResponse c = (CommandResponse) r.response();
                    requireSuccess(op, c.status().isSuccess(), c.status().label());
                }));
    }

    /** Status values as they change (from 0x53 responses and 0x93 pushes); errors when the link drops. */
    public Flux<StatusUpdate> statusUpdates() {
        return statusHub.asFlux().publishOn(options.deliveryScheduler());
    }

    /** Unsolicited messages: push notifications and responses nobody waited for. */
    public Flux<CameraMessage> unsolicited() {
        return unsolicitedHub.asFlux().publishOn(options.deliveryScheduler());
    }

    /** The last known value of a status. */
    public Optional<Long> status(int statusId) {
        return statuses.get(statusId);
    }

    /** Link states as the transport reports them. */
    public Flux<ConnectionState> states() {
        return connection.states();
    }

    /**
     * Completes when the camera is ready — not busy (status 8) and not encoding (status 10) — or
     * errors with {@code NotReadyException} after {@code timeout}. Needs status registration first.
     */
    public Mono<Void> awaitReady(Duration timeout) {
        return awaitStatus(c -> c.isClear(StatusId.BUSY) && c.isClear(StatusId.ENCODING), "await ready", timeout)
                .then();
    }

    /**
     * Completes with the update that shows encoding (status 10) {@code on} or off, or errors
     * with {@code NotReadyException} after {@code timeout}. When the cache already shows it, the
     * result carries the time of this call.
     */
    public Mono<StatusUpdate> awaitEncoding(boolean on, Duration timeout) {
        return awaitStatus(c -> on ? c.isSet(StatusId.ENCODING) : c.isClear(StatusId.ENCODING),
                on ? "await encoding on" : "await encoding off", timeout);
    }

    private Mono<StatusUpdate> awaitStatus(Predicate<StatusCache> condition, String operation, Duration timeout) {
        Mono<StatusUpdate> now = Mono.fromCallable(() -> new StatusUpdate(StatusId.ENCODING,
                statuses.get(StatusId.ENCODING).orElse(-1L), System.nanoTime()));
        Flux<StatusUpdate> changes = statusHub.asFlux();
        return deliver(Flux.merge(changes, now)
                .filter(u -> condition.test(statuses))
                .next()
                .switchIfEmpty(Mono.error(() -> new ConnectionClosedException(name, operation, null)))
                .timeout(timeout, options.scheduler())
                .onErrorMap(java.util.concurrent.TimeoutException.class,
                        e -> new NotReadyException(name, operation, timeout)));
    }

    /** Disconnects; pending exchanges fail with {@code ConnectionClosedException}. */
    public Mono<Void> disconnect() {
        return connection.close().then(Mono.fromRunnable(() -> worker.schedule(() -> linkDown(null))));
    }

    @Override
    public void close() {
        disconnect().subscribe(null, e -> { });
        subscriptions.dispose();
    }

    private Mono<ExchangeResult> command(int commandId, EncodedRequest request) {
        String op = String.format("command 0x%02X %s", commandId, CommandId.name(commandId));
        return exchange(op, request,
                m -> m instanceof CommandResponse c && c.commandId() == commandId)
                .doOnNext(r -> {
                    CommandResponse c = (CommandResponse) r.response();
                    requireSuccess(op, c.status().isSuccess(), c.status().label());
                });
    }

    private Mono<ExchangeResult> exchange(String operation, EncodedRequest request, Predicate<CameraMessage> matcher) {
        return queues.get(request.characteristic()).submit(operation, request.bytes(), matcher,
                options.exchangeTimeout());
    }

    private static Predicate<CameraMessage> protobufAnswer(int feature, int action) {
        return m -> (m instanceof ProtobufMessage p && p.featureId() == feature && p.actionId() == action)
                || (m instanceof UnknownMessage u && u.id() == feature);
    }

    private void requireSuccess(String operation, boolean success, String status) {
        if (!success) {
            throw new CameraStatusException(name, operation, status);
        }
    }

    private void requireProtobufSuccess(String operation, CameraMessage response) {
        if (response instanceof ProtobufMessage p && p.message() instanceof ResponseGeneric g
                && g.getResult() == EnumResultGeneric.RESULT_SUCCESS) {
            return;
        }
        String status = response instanceof ProtobufMessage p && p.message() instanceof ResponseGeneric g
                ? g.getResult().name() : "an error without a result";
        throw new CameraStatusException(name, operation, status);
    }

    private <T> Mono<T> deliver(Mono<T> mono) {
        return mono.publishOn(options.deliveryScheduler());
    }
}
