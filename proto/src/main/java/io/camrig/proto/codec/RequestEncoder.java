package io.camrig.proto.codec;

import com.google.protobuf.MessageLite;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.message.CameraDateTime;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.proto.request.UnknownRequest;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Builds the requests a client writes (message bytes without packet headers; the fragmenter adds
 * those). Every method returns the bytes together with the characteristic to write them to.
 *
 * <p>Layouts (hex, packet header not shown):
 * <pre>
 * command       GP-0072  [command id]([length][value…])*          set shutter on: 01 01 01
 * set setting   GP-0074  [setting id][length][value…]             resolution 1080: 02 01 09
 * keep alive    GP-0074  5B 01 42
 * query         GP-0076  [query id][element id]*                  get resolution: 12 02
 * protobuf      GP-0072 (feature F1), GP-0076 (F5), GP-0091 (02): [feature][action][serialized…]
 * </pre>
 *
 * <p>Errors: {@link IllegalArgumentException} for an id outside 0..255, a parameter or value over
 * 255 bytes, a preset group outside 0..65535, a feature id without a known characteristic.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Commands", "Queries", "Protobuf"; "Control";
 * "Presets"; "Query"; "Settings".
 */
public final class RequestEncoder {
    private RequestEncoder() {
    }

    /** A TLV command on GP-0072: the id, then each parameter prefixed by its one-byte length. */
    public static EncodedRequest command(int commandId, byte[]... params) {
        checkByte("command id", commandId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(commandId);
        for (byte[] p : params) {
            if (p.length > 0xFF) {
                throw new IllegalArgumentException("a parameter is at most 255 bytes, got " + p.length);
            }
            out.write(p.length);
            out.write(p, 0, p.length);
        }
        return new EncodedRequest(GoProUuid.COMMAND, out.toByteArray());
    }

    /** Set Shutter (0x01), one uint8 parameter: 1 on, 0 off. {@code 01 01 01} / {@code 01 01 00}. */
    public static EncodedRequest setShutter(boolean on) {
        return command(CommandId.SET_SHUTTER, new byte[] {(byte) (on ? 1 : 0)});
    }

    /**
     * Set Date Time (0x0D), one 7-byte parameter (see {@link CameraDateTime}); fractions of a second
     * are dropped. 2023-01-31 03:04:05 is {@code 0D 07 07 E7 01 1F 03 04 05}.
     */
    public static EncodedRequest setDateTime(LocalDateTime dateTime) {
        return command(CommandId.SET_DATE_TIME, new CameraDateTime(dateTime).encode());
    }

    /**
     * Load Preset Group (0x3E), one uint16 parameter: the group id (1000 video, 1001 photo, 1002
     * time lapse). Video is {@code 3E 02 03 E8}.
     *
     * <p>The 2024 Presets page calls the parameter uint32; the tutorial's bytes and real cameras use
     * two bytes, which camrig follows.
     */
    public static EncodedRequest loadPresetGroup(int groupId) {
        if (groupId < 0 || groupId > 0xFFFF) {
            throw new IllegalArgumentException("preset group id is a uint16, got " + groupId);
        }
        return command(CommandId.LOAD_PRESET_GROUP, new byte[] {(byte) (groupId >>> 8), (byte) groupId});
    }

    /** Load Preset (0x40), one uint32 parameter: the preset id. */
    public static EncodedRequest loadPreset(long presetId) {
        if (presetId < 0 || presetId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("preset id is a uint32, got " + presetId);
        }
        return command(CommandId.LOAD_PRESET, new byte[] {
            (byte) (presetId >>> 24), (byte) (presetId >>> 16), (byte) (presetId >>> 8), (byte) presetId});
    }

    /**
     * Keep Alive: id 0x5B with the hard-coded uint8 0x42, written to the settings characteristic
     * GP-0074 ({@code 5B 01 42}); the camera acknowledges on GP-0075. Send every 3 seconds.
     */
    public static EncodedRequest keepAlive() {
        return setSetting(CommandId.KEEP_ALIVE, new byte[] {SettingRequest.KEEP_ALIVE_VALUE});
    }

    /** Get Hardware Info (0x3C), no parameters: {@code 3C}. */
    public static EncodedRequest getHardwareInfo() {
        return command(CommandId.GET_HARDWARE_INFO);
    }

    /** Get Open GoPro Version (0x51), no parameters: {@code 51}. */
    public static EncodedRequest getOpenGoProVersion() {
        return command(CommandId.GET_OPEN_GOPRO_VERSION);
    }

    /** Set Setting on GP-0074: {@code [setting id][length][value…]}, the value big-endian. */
    public static EncodedRequest setSetting(int settingId, byte[] value) {
        checkByte("setting id", settingId);
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("a setting value is at most 255 bytes, got " + value.length);
        }
        byte[] out = new byte[2 + value.length];
        out[0] = (byte) settingId;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return new EncodedRequest(GoProUuid.SETTINGS, out);
    }

    /** A TLV query on GP-0076: {@code [query id][element id]*}; no ids means all. */
    public static EncodedRequest query(int queryId, int... ids) {
        checkByte("query id", queryId);
        byte[] out = new byte[1 + ids.length];
        out[0] = (byte) queryId;
        for (int i = 0; i < ids.length; i++) {
            checkByte("element id", ids[i]);
            out[1 + i] = (byte) ids[i];
        }
        return new EncodedRequest(GoProUuid.QUERY, out);
    }

    /** Register for Status Value Updates (0x53); no ids means all. Busy and encoding: {@code 53 08 0A}. */
    public static EncodedRequest registerStatusUpdates(int... statusIds) {
        return query(QueryId.REGISTER_STATUS_VALUE_UPDATES, statusIds);
    }

    /**
     * A protobuf request: {@code [feature][action][serialized message]}, written to GP-0072 for feature
     * 0xF1, GP-0074 for 0xF3, GP-0076 for 0xF5 and GP-0091 for 0x02 and 0x03.
     *
     * @throws IllegalArgumentException for another feature id (use the overload with a characteristic)
     */
    public static EncodedRequest protobuf(int feature, int action, MessageLite message) {
        GoProUuid target = switch (feature) {
            case ProtobufId.FEATURE_COMMAND -> GoProUuid.COMMAND;
            case ProtobufId.FEATURE_SETTING -> GoProUuid.SETTINGS;
            case ProtobufId.FEATURE_QUERY -> GoProUuid.QUERY;
            case ProtobufId.FEATURE_NETWORK_MANAGEMENT, ProtobufId.FEATURE_WIRELESS_MANAGEMENT ->
                    GoProUuid.NETWORK_MANAGEMENT_COMMAND;
            default -> throw new IllegalArgumentException(String.format(
                    "no characteristic known for feature 0x%02X", feature));
        };
        return protobuf(target, feature, action, message);
    }

    /** A protobuf request written to the given characteristic. */
    public static EncodedRequest protobuf(GoProUuid characteristic, int feature, int action, MessageLite message) {
        Objects.requireNonNull(characteristic, "characteristic");
        checkByte("feature id", feature);
        checkByte("action id", action);
        byte[] body = message.toByteArray();
        byte[] out = new byte[2 + body.length];
        out[0] = (byte) feature;
        out[1] = (byte) action;
        System.arraycopy(body, 0, out, 2, body.length);
        return new EncodedRequest(characteristic, out);
    }

    /**
     * Set Camera Control (feature 0xF1, action 0x69, RequestSetCameraControlStatus); answered by
     * ResponseGeneric on 0xF1/0xE9. External control is {@code F1 69 08 02}.
     */
    public static EncodedRequest setCameraControl(EnumCameraControlStatus status) {
        return protobuf(ProtobufId.FEATURE_COMMAND, ProtobufId.ACTION_SET_CAMERA_CONTROL,
                RequestSetCameraControlStatus.newBuilder().setCameraControlStatus(status).build());
    }

    /**
     * The request of a catalog protobuf operation: its request (feature, action) pair and
     * characteristic, e.g. Set Camera Name is {@code F1 62 …} on GP-0072.
     *
     * @throws IllegalArgumentException when the operation is not protobuf or the message is not its
     *                                  request type
     */
    public static EncodedRequest protobuf(Operation operation, MessageLite message) {
        OperationInfo info = operation.info();
        ProtobufRef ref = info.request().orElseThrow(() ->
                new IllegalArgumentException(operation + " is not a protobuf operation"));
        String type = message instanceof com.google.protobuf.Message m ? m.getDescriptorForType().getName() : null;
        if (!ref.message().equals(type)) {
            throw new IllegalArgumentException(operation + " takes " + ref.message() + ", got " + type);
        }
        return protobuf(info.characteristic().orElseThrow(), ref.featureId(), ref.actionId(), message);
    }

    /** Sleep (0x05), no parameters: {@code 05}. */
    public static EncodedRequest sleep() {
        return command(CommandId.SLEEP);
    }

    /** Set AP Control (0x17), one uint8: 1 enables the camera's Wi-Fi AP, 0 disables it. {@code 17 01 01}. */
    public static EncodedRequest setApControl(boolean on) {
        return command(CommandId.SET_AP_CONTROL, new byte[] {(byte) (on ? 1 : 0)});
    }

    /**
     * Set Local Date Time (0x0F), one 10-byte parameter (see {@link CameraLocalDateTime}):
     * 2023-01-31 03:04:05 UTC-02:00 DST is {@code 0F 0A 07 E7 01 1F 03 04 05 FF 88 01}.
     */
    public static EncodedRequest setLocalDateTime(CameraLocalDateTime value) {
        return command(CommandId.SET_LOCAL_DATE_TIME, value.encode());
    }

    /** Encodes a decoded request back to bytes (the inverse of {@link RequestDecoder#decode}). */
    public static EncodedRequest encode(CameraRequest request) {
        Objects.requireNonNull(request, "request");
        if (request instanceof CommandRequest c) {
            return command(c.commandId(), c.params().toArray(byte[][]::new));
        } else if (request instanceof SettingRequest s) {
            return setSetting(s.settingId(), s.value());
        } else if (request instanceof QueryRequest q) {
            return query(q.queryId(), q.ids().stream().mapToInt(Integer::intValue).toArray());
        } else if (request instanceof ProtobufRequest p) {
            return protobuf(p.characteristic(), p.featureId(), p.actionId(), p.message());
        }
        UnknownRequest u = (UnknownRequest) request;
        return new EncodedRequest(u.payload());
    }

    private static void checkByte(String what, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " is one byte, got " + v);
        }
    }
}
