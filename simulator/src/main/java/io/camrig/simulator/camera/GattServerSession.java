package io.camrig.simulator.camera;

import io.camrig.ble.packet.MessageAssembler;
import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.spi.BleException;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.codec.RequestDecoder;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.simulator.fault.LinkFaults;
import io.camrig.proto.request.UnknownRequest;
import io.camrig.simulator.state.SimulatedSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera's side of one BLE connection: reassembles the packets a central writes to each
 * request characteristic, decodes them, lets {@link RequestHandler} answer, and packetizes the
 * responses and push notifications onto the matching response characteristic.
 *
 * <p>Push notifications go only to this session's registrations ({@link SessionRegistrations}),
 * and only on characteristics whose notifications the central enabled (Open GoPro BLE spec,
 * "Configure GATT Characteristics"): status values (0x93), setting values (0x92), setting
 * capabilities (0xA2) on GP-0077; preset, live stream and COHN status (F5 F3, F5 F5, F5 EF).
 */
public final class GattServerSession {
    private static final Logger log = LoggerFactory.getLogger(GattServerSession.class);

    private final VirtualCamera camera;
    private final Consumer<GattNotification> outbound;
    private final Runnable dropLink;
    private final Map<GoProUuid, MessageAssembler> assemblers = new EnumMap<>(GoProUuid.class);
    private final Set<GoProUuid> notifying = ConcurrentHashMap.newKeySet();
    private final SessionRegistrations registrations = new SessionRegistrations();
    private final RequestHandler handler;
    private final Runnable statusSubscription;
    private volatile boolean open = true;
    private final LinkFaults faults;

    GattServerSession(VirtualCamera camera, Consumer<GattNotification> outbound, Runnable dropLink,
                      LinkFaults faults) {
        this.camera = camera;
        this.faults = faults;
        this.outbound = outbound;
        this.dropLink = dropLink;
        this.handler = new RequestHandler(camera, this);
        this.statusSubscription = camera.statuses().onChange(entry -> {
            if (registrations.statuses.contains(entry.id())) {
                send(GoProUuid.QUERY_RESPONSE, ResponseEncoder.push(QueryId.STATUS_VALUE_PUSH, List.of(entry)));
            }
        });
    }

    /** Handles one packet written by the central. Called in write order. */
    public void onWrite(UUID characteristic, byte[] packet) {
        GoProUuid uuid = GoProUuid.of(characteristic).orElse(null);
        if (!open || uuid == null || uuid.kind() != GoProUuid.Kind.WRITE || uuid.responseCharacteristic().isEmpty()) {
            log.debug("{}: ignoring write to {}", camera.identity().serial(), characteristic);
            return;
        }
        MessageAssembler assembler;
        synchronized (assemblers) {
            assembler = assemblers.computeIfAbsent(uuid, u -> new MessageAssembler());
        }
        assembler.accept(packet, message -> onMessage(uuid, message),
                error -> log.debug("{}: bad packet on {}: {}", camera.identity().serial(), uuid.label(),
                        error.getMessage()));
    }

    private void onMessage(GoProUuid uuid, byte[] message) {
        CameraRequest request;
        try {
            request = RequestDecoder.decode(uuid, message);
        } catch (CamrigException e) {
            request = new UnknownRequest(uuid, message);
        }
        boolean tlvCommand = request instanceof CommandRequest || request instanceof SettingRequest;
        switch (faults.onRequest(tlvCommand)) {
            case IGNORE:
                return;
            case REFUSE:
                send(uuid.responseCharacteristic().orElseThrow(), refusal(request));
                return;
            case BUSY:
                camera.busyFor(faults.profile().busyPeriod());
                break;
            default:
                break;
        }
        byte[] response = handler.handle(uuid, request);
        if (response != null) {
            send(uuid.responseCharacteristic().orElseThrow(), response);
        }
    }

    private static byte[] refusal(CameraRequest request) {
        if (request instanceof SettingRequest s) {
            return ResponseEncoder.settingResponse(s.settingId(), io.camrig.proto.id.TlvStatus.ERROR);
        }
        return ResponseEncoder.commandResponse(((CommandRequest) request).commandId(), io.camrig.proto.id.TlvStatus.ERROR,
                new byte[0]);
    }

    /** Serves a direct GATT read (AP SSID, AP password, AP state). */
    public byte[] onRead(UUID characteristic) {
        GoProUuid uuid = GoProUuid.of(characteristic)
                .orElseThrow(() -> new BleException("no such characteristic " + characteristic, camera.identity().address()));
        return switch (uuid) {
            case WIFI_AP_SSID -> camera.identity().apSsid().getBytes(StandardCharsets.UTF_8);
            case WIFI_AP_PASSWORD -> camera.identity().apPassword().getBytes(StandardCharsets.UTF_8);
            case WIFI_AP_STATE -> new byte[] {(byte) camera.statuses().get(io.camrig.proto.catalog.Status.AP_MODE.id())};
            default -> throw new BleException("characteristic " + uuid.label() + " is not readable",
                    camera.identity().address());
        };
    }

    /** Enables notifications on a characteristic (the central wrote its CCCD). */
    public void enableNotifications(UUID characteristic) {
        GoProUuid.of(characteristic).ifPresent(notifying::add);
    }

    SessionRegistrations registrations() {
        return registrations;
    }

    /** Pushes setting values (0x92) and capabilities (0xA2) that changed, to what is registered. */
    void settingsChanged(SimulatedSettings.Change change) {
        List<TlvEntry> values = new ArrayList<>();
        for (int id : change.values()) {
            if (registrations.settingValues.contains(id)) {
                camera.settings().value(id).ifPresent(v -> values.add(new TlvEntry(id, SimulatedSettings.encode(id, v))));
            }
        }
        if (!values.isEmpty()) {
            send(GoProUuid.QUERY_RESPONSE, ResponseEncoder.push(QueryId.SETTING_VALUE_PUSH, values));
        }
        List<TlvEntry> capabilities = new ArrayList<>();
        for (int id : change.capabilities()) {
            if (registrations.capabilities.contains(id)) {
                capabilities.addAll(handler.capabilityEntries(id));
            }
        }
        if (!capabilities.isEmpty()) {
            send(GoProUuid.QUERY_RESPONSE, ResponseEncoder.push(QueryId.SETTING_CAPABILITY_PUSH, capabilities));
        }
    }

    /** Pushes the preset status (F5 F3) when registered. */
    void presetsChanged() {
        if (!registrations.presetStatus.isEmpty()) {
            send(GoProUuid.QUERY_RESPONSE, handler.presetStatusNotification());
        }
    }

    /** Pushes the live stream (F5 F5) and COHN (F5 EF) status when registered. */
    void networkChanged() {
        if (!registrations.livestreamStatus.isEmpty()) {
            send(GoProUuid.QUERY_RESPONSE, handler.livestreamNotification());
        }
        if (registrations.cohnStatus) {
            send(GoProUuid.QUERY_RESPONSE, handler.cohnNotification());
        }
    }

    void send(GoProUuid characteristic, byte[] message) {
        if (!open || !notifying.contains(characteristic)) {
            return;
        }
        for (byte[] packet : PacketFragmenter.fragment(message)) {
            outbound.accept(new GattNotification(characteristic.uuid(), packet));
        }
    }

    /** Drops the BLE link from the camera's side (fault injection). */
    public void dropLink() {
        if (open) {
            log.info("{}: dropping BLE link (fault injection)", camera.identity().serial());
            dropLink.run();
        }
    }

    /** Ends the session; no more notifications are sent. Idempotent. */
    public void close() {
        if (open) {
            open = false;
            statusSubscription.run();
            camera.sessionClosed(this);
        }
    }
}
