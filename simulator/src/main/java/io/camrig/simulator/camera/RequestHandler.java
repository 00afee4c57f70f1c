package io.camrig.simulator.camera;

import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers decoded requests the way a camera does: TLV commands on GP-0072, settings on GP-0074,
 * queries on GP-0076 and protobuf requests, each with the spec's response layout. Returns the
 * response message (not yet packetized), or {@code null} when a camera stays silent.
 */
final class RequestHandler {
    private final VirtualCamera camera;
    private final GattServerSession session;
    private final Map<Integer, byte[]> settings = new ConcurrentHashMap<>();

    RequestHandler(VirtualCamera camera, GattServerSession session) {
        this.camera = camera;
        this.session = session;
        settings.put(2, new byte[] {1});     // video resolution: 4K
        settings.put(3, new byte[] {8});     // frames per second: 30
    }

    byte[] handle(GoProUuid characteristic, CameraRequest request) {
        if (request instanceof ProtobufRequest p) {
            return protobuf(p);
        }
        if (request instanceof CommandRequest c) {
            return command(c);
        }
        if (request instanceof SettingRequest s) {
            if (s.settingId() == CommandId.KEEP_ALIVE) {
                return ResponseEncoder.settingResponse(s.settingId(), TlvStatus.SUCCESS);
            }
            if (camera.busy()) {
                return ResponseEncoder.settingResponse(s.settingId(), TlvStatus.ERROR);
            }
            settings.put(s.settingId(), s.value());
            return ResponseEncoder.settingResponse(s.settingId(), TlvStatus.SUCCESS);
        }
        if (request instanceof QueryRequest q) {
            return query(q);
        }
        return null;    // an unknown request: a real camera does not answer either
    }

    byte[] statusPush(TlvEntry entry) {
        return ResponseEncoder.push(QueryId.STATUS_VALUE_PUSH, List.of(entry));
    }

    private byte[] command(CommandRequest c) {
        int id = c.commandId();
        switch (id) {
            case CommandId.GET_HARDWARE_INFO:
                return ResponseEncoder.commandResponse(id, TlvStatus.SUCCESS, camera.hardwareInfo().encode());
            case CommandId.GET_OPEN_GOPRO_VERSION:
                return ResponseEncoder.commandResponse(id, TlvStatus.SUCCESS, new OpenGoProVersion(2, 0).encode());
            case CommandId.SET_SHUTTER:
                if (c.params().size() != 1 || c.params().get(0).length != 1) {
                    return ResponseEncoder.commandResponse(id, TlvStatus.INVALID_PARAMETER, new byte[0]);
                }
                return ResponseEncoder.commandResponse(id, camera.shutter(c.params().get(0)[0] == 1, session),
                        new byte[0]);
            case CommandId.LOAD_PRESET_GROUP:
                if (c.params().size() != 1 || (c.params().get(0).length != 2 && c.params().get(0).length != 4)) {
                    return ResponseEncoder.commandResponse(id, TlvStatus.INVALID_PARAMETER, new byte[0]);
                }
                return ResponseEncoder.commandResponse(id, camera.loadPresetGroup((int) unsigned(c.params().get(0))),
                        new byte[0]);
            case CommandId.SET_DATE_TIME:
                return ResponseEncoder.commandResponse(id, setDateTime(c), new byte[0]);
            default:
                return ResponseEncoder.commandResponse(id, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
    }

    private TlvStatus setDateTime(CommandRequest c) {
        if (c.params().size() != 1 || c.params().get(0).length != 7) {
            return TlvStatus.INVALID_PARAMETER;
        }
        byte[] p = c.params().get(0);
        try {
            LocalDateTime t = LocalDateTime.of(((p[0] & 0xFF) << 8) | (p[1] & 0xFF), p[2], p[3], p[4], p[5], p[6]);
            return camera.setDateTime(t);
        } catch (java.time.DateTimeException e) {
            return TlvStatus.INVALID_PARAMETER;
        }
    }

    private byte[] query(QueryRequest q) {
        int id = q.queryId();
        switch (id) {
            case QueryId.GET_STATUS_VALUES:
                return ResponseEncoder.queryResponse(id, TlvStatus.SUCCESS, camera.statuses().entries(q.ids()));
            case QueryId.REGISTER_STATUS_VALUE_UPDATES:
                session.register(q.ids());
                return ResponseEncoder.queryResponse(id, TlvStatus.SUCCESS, camera.statuses().entries(q.ids()));
            case QueryId.UNREGISTER_STATUS_VALUE_UPDATES:
                session.unregister(q.ids());
                return ResponseEncoder.queryResponse(id, TlvStatus.SUCCESS, List.of());
            case QueryId.GET_SETTING_VALUES:
            case QueryId.REGISTER_SETTING_VALUE_UPDATES:
                return ResponseEncoder.queryResponse(id, TlvStatus.SUCCESS, settingEntries(q.ids()));
            default:
                return ResponseEncoder.queryResponse(id, TlvStatus.INVALID_PARAMETER, List.of());
        }
    }

    private List<TlvEntry> settingEntries(List<Integer> ids) {
        return settings.entrySet().stream()
                .filter(e -> ids.isEmpty() || ids.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new TlvEntry(e.getKey(), e.getValue()))
                .toList();
    }

    private byte[] protobuf(ProtobufRequest p) {
        int responseAction = p.actionId() | 0x80;
        EnumResultGeneric result = EnumResultGeneric.RESULT_NOT_SUPPORTED;
        if (p.featureId() == ProtobufId.FEATURE_COMMAND && p.actionId() == ProtobufId.ACTION_SET_CAMERA_CONTROL
                && p.message() instanceof RequestSetCameraControlStatus r) {
            camera.claimControl(r.getCameraControlStatus().getNumber());
            result = EnumResultGeneric.RESULT_SUCCESS;
        }
        return ResponseEncoder.protobuf(p.featureId(), responseAction,
                ResponseGeneric.newBuilder().setResult(result).build());
    }

    private static long unsigned(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
