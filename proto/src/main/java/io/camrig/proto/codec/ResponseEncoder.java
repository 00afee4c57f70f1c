package io.camrig.proto.codec;

import com.google.protobuf.MessageLite;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.message.UnknownMessage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Builds what a camera sends (message bytes without packet headers): the simulator's side, and the
 * inverse of {@link MessageDecoder}.
 *
 * <p>Layouts (hex):
 * <pre>
 * command response  GP-0073  [command id][status][payload…]            shutter ok: 01 00
 * setting response  GP-0075  [setting id][status]                      resolution ok: 02 00
 * query response    GP-0077  [query id][status]([id][length][value…])* 12 00 02 01 09
 * push              GP-0077  [0x92|0x93|0xA2][00]([id][length][value…])*
 * protobuf          any      [feature][action][serialized…]            F1 E9 08 01
 * protobuf error    any      [feature]([action])[status]               F1 02
 * </pre>
 *
 * <p>Errors: {@link IllegalArgumentException} for an id outside 0..255 or a push id other than 0x92,
 * 0x93, 0xA2.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Command Response", "Query Response",
 * "Protobuf"; "Query" / register for updates.
 */
public final class ResponseEncoder {
    private ResponseEncoder() {
    }

    /** A TLV command response: {@code [id][status][payload…]}. */
    public static byte[] commandResponse(int id, TlvStatus status, byte[] payload) {
        checkByte("command id", id);
        Objects.requireNonNull(status, "status");
        byte[] out = new byte[2 + payload.length];
        out[0] = (byte) id;
        out[1] = (byte) status.code();
        System.arraycopy(payload, 0, out, 2, payload.length);
        return out;
    }

    /** A TLV setting response: {@code [setting id][status]}. */
    public static byte[] settingResponse(int settingId, TlvStatus status) {
        checkByte("setting id", settingId);
        return new byte[] {(byte) settingId, (byte) status.code()};
    }

    /** A TLV query response: {@code [query id][status]([id][length][value…])*}. */
    public static byte[] queryResponse(int queryId, TlvStatus status, List<TlvEntry> entries) {
        checkByte("query id", queryId);
        Objects.requireNonNull(status, "status");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(queryId);
        out.write(status.code());
        for (TlvEntry e : entries) {
            byte[] v = e.value();
            out.write(e.id());
            out.write(v.length);
            out.write(v, 0, v.length);
        }
        return out.toByteArray();
    }

    /** A push notification with status success: {@code [push id][00]([id][length][value…])*}. */
    public static byte[] push(int pushId, List<TlvEntry> entries) {
        if (!QueryId.isPush(pushId)) {
            throw new IllegalArgumentException(String.format("0x%02X is not a push notification id", pushId));
        }
        return queryResponse(pushId, TlvStatus.SUCCESS, entries);
    }

    /** A protobuf message: {@code [feature][action][serialized…]}. */
    public static byte[] protobuf(int feature, int action, MessageLite message) {
        checkByte("feature id", feature);
        checkByte("action id", action);
        byte[] body = message.toByteArray();
        byte[] out = new byte[2 + body.length];
        out[0] = (byte) feature;
        out[1] = (byte) action;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /**
     * Encodes a decoded message back to bytes. TLV messages give back exactly the bytes they were
     * decoded from; protobuf messages give the canonical serialization of the parsed message.
     */
    public static byte[] encode(CameraMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof CommandResponse c) {
            return commandResponse(c.commandId(), c.status(), c.payload());
        } else if (message instanceof SettingResponse s) {
            return settingResponse(s.settingId(), s.status());
        } else if (message instanceof QueryResponse q) {
            return queryResponse(q.queryId(), q.status(), q.entries());
        } else if (message instanceof PushNotification p) {
            return queryResponse(p.queryId(), p.status(), p.entries());
        } else if (message instanceof ProtobufMessage p) {
            return protobuf(p.featureId(), p.actionId(), p.message());
        } else if (message instanceof ProtobufError e) {
            return e.encode();
        }
        return ((UnknownMessage) message).payload().bytes();
    }

    private static void checkByte(String what, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " is one byte, got " + v);
        }
    }
}
