package io.camrig.simulator.camera;

import com.google.protobuf.Message;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.catalog.ProtobufTypes;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.pb.EnumPairingFinishState;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.Media;
import io.camrig.proto.pb.ProtocolCapabilities;
import io.camrig.proto.pb.RequestCustomPresetUpdate;
import io.camrig.proto.pb.RequestGetLiveStreamStatus;
import io.camrig.proto.pb.RequestGetPresetStatus;
import io.camrig.proto.pb.RequestPairingFinish;
import io.camrig.proto.pb.RequestPresetSetVisibility;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.pb.RequestSetCameraName;
import io.camrig.proto.pb.RequestSetLiveStreamMode;
import io.camrig.proto.pb.RequestSetTurboActive;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.proto.pb.ResponseGetCameraCapabilities;
import io.camrig.proto.pb.ResponseLastCapturedMedia;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import io.camrig.simulator.state.SimulatedPresets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers protobuf requests: control (camera control, turbo transfer, camera name, pairing), last
 * captured media, presets and live streaming here; network management and COHN in
 * {@link NetworkHandler}. The answer is the operation's response message on its response
 * (feature, action) pair (references.json).
 *
 * <p>An operation the model does not support is answered with ResponseGeneric
 * RESULT_NOT_SUPPORTED when that is its response type, otherwise with the two-byte error form
 * {@code [feature id][status 2]}. Requests missing required fields get RESULT_ILL_FORMED.
 * Preset changes are refused with RESULT_RESOURCE_NOT_AVAILABLE while busy or encoding.
 *
 * <p>Source: Open GoPro BLE spec, "Control", "Query", "Presets", "Live Streaming"; "Protobuf".
 */
final class ProtobufHandler {
    /** The schema version a camera reports in ResponseGetCameraCapabilities (upstream's example). */
    static final String CAPABILITY_SCHEMA = "camera-capabilities/v1.0";

    private final VirtualCamera camera;
    private final SessionRegistrations registrations;
    private final NetworkHandler network;
    private final Map<Operation, Function<Message, Message>> table = new EnumMap<>(Operation.class);

    ProtobufHandler(VirtualCamera camera, GattServerSession session, SessionRegistrations registrations) {
        this.camera = camera;
        this.registrations = registrations;
        this.network = new NetworkHandler(camera, session, registrations);
        table.put(Operation.SET_CAMERA_CONTROL, m -> {
            camera.statuses().setInt(Status.CAMERA_CONTROL_ID.id(), 1,
                    ((RequestSetCameraControlStatus) m).getCameraControlStatus().getNumber());
            return generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.SET_TURBO_TRANSFER, m -> {
            camera.statuses().setReported(113, 1, ((RequestSetTurboActive) m).getActive() ? 1 : 0);
            return generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.SET_CAMERA_NAME, m -> {
            if (camera.statuses().has(122)) {
                camera.statuses().setText(122, ((RequestSetCameraName) m).getName());
            }
            return generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.SET_PAIRING_STATE, m -> {
            boolean ok = ((RequestPairingFinish) m).getResult() == EnumPairingFinishState.SUCCESS;
            camera.statuses().setReported(19, 1, ok ? 4 : 2);
            return generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.RELEASE_NETWORK, m -> {
            camera.wifi().release();
            return generic(EnumResultGeneric.RESULT_SUCCESS);
        });
        table.put(Operation.GET_CAMERA_CAPABILITIES, m -> ResponseGetCameraCapabilities.newBuilder()
                .setResult(EnumResultGeneric.RESULT_SUCCESS).setSchemaVersion(CAPABILITY_SCHEMA)
                // every model the catalog knows carries setting and status ids as one byte
                .setProtocol(ProtocolCapabilities.newBuilder().setSupports2ByteIds(false)).build());
        table.put(Operation.GET_LAST_CAPTURED_MEDIA, m -> lastCapturedMedia());
        table.put(Operation.GET_AVAILABLE_PRESETS, m -> presetStatus((RequestGetPresetStatus) m));
        table.put(Operation.UPDATE_CUSTOM_PRESET, m -> customPreset((RequestCustomPresetUpdate) m));
        table.put(Operation.SET_PRESET_VISIBILITY_V2, m -> visibility((RequestPresetSetVisibility) m));
        table.put(Operation.SET_LIVESTREAM_MODE, m -> {
            boolean ready = camera.livestream().configure((RequestSetLiveStreamMode) m);
            camera.networkChanged();
            return generic(ready ? EnumResultGeneric.RESULT_SUCCESS : EnumResultGeneric.RESULT_ARGUMENT_INVALID);
        });
        table.put(Operation.GET_LIVESTREAM_STATUS, m -> {
            RequestGetLiveStreamStatus r = (RequestGetLiveStreamStatus) m;
            r.getRegisterLiveStreamStatusList().forEach(v -> registrations.livestreamStatus.add(v.getNumber()));
            r.getUnregisterLiveStreamStatusList().forEach(v -> registrations.livestreamStatus.remove(v.getNumber()));
            return camera.livestream().status();
        });
        network.register(table);
    }

    /** The catalog operations answered here and in {@link NetworkHandler}. */
    static Set<Operation> operations() {
        java.util.EnumSet<Operation> out = java.util.EnumSet.of(Operation.SET_CAMERA_CONTROL,
                Operation.RELEASE_NETWORK, Operation.GET_CAMERA_CAPABILITIES,
                Operation.SET_TURBO_TRANSFER, Operation.SET_CAMERA_NAME, Operation.SET_PAIRING_STATE,
                Operation.GET_LAST_CAPTURED_MEDIA, Operation.GET_AVAILABLE_PRESETS, Operation.UPDATE_CUSTOM_PRESET,
                Operation.SET_PRESET_VISIBILITY_V2, Operation.SET_LIVESTREAM_MODE, Operation.GET_LIVESTREAM_STATUS);
        out.addAll(NetworkHandler.operations());
        return out;
    }

    byte[] handle(ProtobufRequest p) {
        Operation op = ProtobufTypes.request(p.featureId(), p.actionId()).map(ProtobufTypes.Route::op).orElse(null);
        Function<Message, Message> f = op == null ? null : table.get(op);
        if (f == null) {
            return null;    // a real camera does not answer an unknown pair either
        }
        OperationInfo info = op.info();
        ProtobufRef response = info.response().orElseThrow();
        boolean generic = response.message().equals("ResponseGeneric");
        if (!info.supportedBy(camera.model())) {
            return generic ? ResponseEncoder.protobuf(response.featureId(), response.actionId(),
                    generic(EnumResultGeneric.RESULT_NOT_SUPPORTED))
                    : new byte[] {(byte) p.featureId(), (byte) TlvStatus.INVALID_PARAMETER.code()};
        }
        if (!p.message().isInitialized()) {
            return generic ? ResponseEncoder.protobuf(response.featureId(), response.actionId(),
                    generic(EnumResultGeneric.RESULT_ILL_FORMED))
                    : new byte[] {(byte) p.featureId(), (byte) TlvStatus.INVALID_PARAMETER.code()};
        }
        return ResponseEncoder.protobuf(response.featureId(), response.actionId(), f.apply(p.message()));
    }

    /** The preset status notification (F5 F3), visible presets only. */
    byte[] presetStatusNotification() {
        ProtobufRef n = Operation.GET_AVAILABLE_PRESETS.info().notification().orElseThrow();
        return ResponseEncoder.protobuf(n.featureId(), n.actionId(),
                camera.presets().status(false, videoSettings()));
    }

    /** The live stream status notification (F5 F5). */
    byte[] livestreamNotification() {
        ProtobufRef n = Operation.GET_LIVESTREAM_STATUS.info().notification().orElseThrow();
        return ResponseEncoder.protobuf(n.featureId(), n.actionId(), camera.livestream().status());
    }

    /** The COHN status notification (F5 EF). */
    byte[] cohnNotification() {
        return network.cohnNotification();
    }

    static ResponseGeneric generic(EnumResultGeneric result) {
        return ResponseGeneric.newBuilder().setResult(result).build();
    }

    private Message lastCapturedMedia() {
        java.util.List<SdCardFile> files = camera.sdCard().files();
        if (files.isEmpty()) {
            return ResponseLastCapturedMedia.newBuilder().setResult(EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE).build();
        }
        SdCardFile last = files.get(files.size() - 1);
        return ResponseLastCapturedMedia.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS)
                .setMedia(Media.newBuilder().setFolder(SdCard.DIRECTORY).setFile(last.name())).build();
    }

    private Message presetStatus(RequestGetPresetStatus r) {
        r.getRegisterPresetStatusList().forEach(v -> registrations.presetStatus.add(v.getNumber()));
        r.getUnregisterPresetStatusList().forEach(v -> registrations.presetStatus.remove(v.getNumber()));
        return camera.presets().status(r.getIncludeHidden(), videoSettings());
    }

    private Message customPreset(RequestCustomPresetUpdate r) {
        if (camera.statuses().busy() || camera.statuses().encoding()) {
            return generic(EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE);
        }
        camera.presets().updateActive(r.hasTitleId() ? r.getTitleId() : null, r.hasCustomName() ? r.getCustomName() : null,
                r.hasIconId() ? r.getIconId() : null);
        camera.busyFor(camera.options().busyAfterSetting());
        return generic(EnumResultGeneric.RESULT_SUCCESS);
    }

    private Message visibility(RequestPresetSetVisibility r) {
        if (!r.hasId() || !r.hasVisible()) {
            return generic(EnumResultGeneric.RESULT_ILL_FORMED);
        }
        SimulatedPresets.Result result = camera.presets().setVisibility(r.getId(), r.getVisible());
        return generic(switch (result) {
            case OK -> EnumResultGeneric.RESULT_SUCCESS;
            case ACTIVE -> EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE;
            default -> EnumResultGeneric.RESULT_ARGUMENT_INVALID;
        });
    }

    /** The settings video presets list: resolution, frame rate, lens, where the model has them. */
    private Map<Integer, Long> videoSettings() {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        for (int id : new int[] {2, 3, 121}) {
            camera.settings().value(id).ifPresent(v -> out.put(id, v));
        }
        return out;
    }
}
