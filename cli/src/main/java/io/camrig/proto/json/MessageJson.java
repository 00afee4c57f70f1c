package io.camrig.proto.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.proto.catalog.ProtobufTypes;
import io.camrig.proto.catalog.ValueTypes;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.RawProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.UnknownMessage;
import io.camrig.proto.request.CameraRequest;
import io.camrig.proto.request.CommandRequest;
import io.camrig.proto.request.ProtobufRequest;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.proto.request.UnknownRequest;
import java.util.HexFormat;

/**
 * Decoded messages and requests as JSON objects, one per message, as {@code camrig decode} prints
 * them.
 *
 * <p>Every object has {@code characteristic} ({@code "GP-0073"}), {@code kind} and {@code message}
 * (lower case hex of the whole message, no separators). Then by kind:
 * <pre>
 * command_response   id, name?, status, payload? (hex), response? {parsed fields} | response_error?
 * setting_response   id, name?, status
 * query_response     id, name, status, values {"id": typed value}
 * push_notification  id, name, status, values
 * protobuf           feature, action, name (message type), operation, fields {proto field names}
 *                    or, for a pair the catalog does not know: feature, action,
 *                    fields {"field number": [varint/fixed as numbers, bytes as hex, groups]}
 * protobuf_error     feature, action?, status
 * unknown            id (first byte)
 * command_request    id, name, params [hex…]
 * setting_request    id, name?, value (typed)
 * query_request      id, name, ids [ids…]
 * protobuf_request   feature, action, name, operation, fields
 * unknown_request    id
 * </pre>
 * {@code id}, {@code feature} and {@code action} are numbers; {@code status} is the
 * {@link io.camrig.proto.id.TlvStatus#label()}; typed values follow
 * {@link io.camrig.proto.catalog.ValueTypes} (boolean, number, string, or hex string for bytes of no
 * known type). {@code response} is given for Get Hardware Info, Get Open GoPro Version, Get Date Time and Get Local Date
 * Time.
 *
 * <p>Secrets: protobuf {@code password} fields print as {@code "***"}, and a message carrying one
 * (NotifyCOHNStatus, a Connect to a New Access Point request) gets {@code "redacted": true} and no
 * {@code message} hex, unless {@code showSecrets} is set.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol"; "ID Tables"; "Query".
 */
public final class MessageJson {
    /** The shared mapper (thread-safe once configured). */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private MessageJson() {
    }

    /** The mapper used to build and print the trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A message as JSON, its bytes re-encoded, secrets hidden. */
    public static ObjectNode toJson(CameraMessage m) {
        return toJson(m, ResponseEncoder.encode(m), false);
    }

    /**
     * A message as JSON.
     *
     * @param m           the decoded message
     * @param raw         the bytes it was decoded from (printed as {@code message})
     * @param showSecrets print passwords and the bytes that carry them
     */
    public static ObjectNode toJson(CameraMessage m, byte[] raw, boolean showSecrets) {
        ObjectNode node = head(m.characteristic(), m.kind());
        boolean redacted = false;
        if (m instanceof CommandResponse c) {
            id(node, c.commandId(), CommandId.name(c.commandId()));
            node.put("status", c.status().label());
            byte[] payload = c.payload();
            if (payload.length > 0) {
                node.put("payload", hex(payload));
            }
            if (c.status().isSuccess()) {
                TlvJson.putCommandResponse(node, c.commandId(), payload);
            }
        } else if (m instanceof SettingResponse s) {
            id(node, s.settingId(), settingResponseName(s.settingId()));
            node.put("status", s.status().label());
        } else if (m instanceof QueryResponse q) {
            id(node, q.queryId(), QueryId.name(q.queryId()));
            node.put("status", q.status().label());
            node.set("values", TlvJson.values(q.queryId(), q.entries()));
        } else if (m instanceof PushNotification p) {
            id(node, p.queryId(), QueryId.name(p.queryId()));
            node.put("status", p.status().label());
            node.set("values", TlvJson.values(p.queryId(), p.entries()));
        } else if (m instanceof ProtobufMessage p) {
            redacted = protobuf(node, p.featureId(), p.actionId(), p.name(),
                    ProtobufTypes.response(p.featureId(), p.actionId()).map(ProtobufTypes.Route::operation).orElse(null),
                    p.message(), showSecrets);
        } else if (m instanceof ProtobufError e) {
            node.put("feature", e.featureId());
            e.actionId().ifPresent(a -> node.put("action", a));
            node.put("status", e.tlvStatus().label());
        } else if (m instanceof RawProtobufMessage p) {
            node.put("feature", p.featureId());
            node.put("action", p.actionId());
            node.set("fields", ProtobufJson.rawFields(p.fields()));
        } else {
            node.put("id", ((UnknownMessage) m).payload().id());
        }
        return tail(node, raw, redacted);
    }

    /** A request as JSON, its bytes re-encoded, secrets hidden. */
    public static ObjectNode toJson(CameraRequest r) {
        return toJson(r, RequestEncoder.encode(r).bytes(), false);
    }

    /**
     * A request as JSON.
     *
     * @param r           the decoded request
     * @param raw         the bytes it was decoded from (printed as {@code message})
     * @param showSecrets print passwords and the bytes that carry them
     */
    public static ObjectNode toJson(CameraRequest r, byte[] raw, boolean showSecrets) {
        ObjectNode node = head(r.characteristic(), r.kind());
        boolean redacted = false;
        if (r instanceof CommandRequest c) {
            id(node, c.commandId(), CommandId.name(c.commandId()));
            ArrayNode params = node.putArray("params");
            c.params().forEach(p -> params.add(hex(p)));
        } else if (r instanceof SettingRequest s) {
            id(node, s.settingId(), s.isKeepAlive() ? "keep_alive"
                    : ValueTypes.setting(s.settingId()).map(ValueTypes.Entry::name).orElse(null));
            node.set("value", TlvJson.value(ValueTypes.decodeSetting(s.settingId(), s.value())));
        } else if (r instanceof QueryRequest q) {
            id(node, q.queryId(), QueryId.name(q.queryId()));
            ArrayNode ids = node.putArray("ids");
            q.ids().forEach(ids::add);
        } else if (r instanceof ProtobufRequest p) {
            redacted = protobuf(node, p.featureId(), p.actionId(), p.name(),
                    ProtobufTypes.request(p.featureId(), p.actionId()).map(ProtobufTypes.Route::operation).orElse(null),
                    p.message(), showSecrets);
        } else {
            UnknownRequest u = (UnknownRequest) r;
            node.put("id", u.payload().id());
            redacted = !showSecrets && carriesApPassword(u);
        }
        return tail(node, raw, redacted);
    }

    /** Lower case hex without separators. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The name printed for a setting response: Keep Alive is acknowledged as setting 0x5B (the same
     * id as setting 91, LED), which camrig reports as {@code keep_alive}.
     */
    private static String settingResponseName(int settingId) {
        if (settingId == CommandId.KEEP_ALIVE) {
            return "keep_alive";
        }
        return ValueTypes.setting(settingId).map(ValueTypes.Entry::name).orElse(null);
    }

    /** Connect to a New Access Point (0x02/0x05, RequestConnectNew) carries the network's password. */
    private static boolean carriesApPassword(UnknownRequest u) {
        byte[] b = u.payload().bytes();
        return u.characteristic() == GoProUuid.NETWORK_MANAGEMENT_COMMAND && b.length >= 2 && b[0] == 0x02 && b[1] == 0x05;
    }

    private static boolean protobuf(ObjectNode node, int feature, int action, String name, String operation,
                                    com.google.protobuf.Message message, boolean showSecrets) {
        node.put("feature", feature);
        node.put("action", action);
        node.put("name", name);
        if (operation != null) {
            node.put("operation", operation);
        }
        return ProtobufJson.putFields(node, message, showSecrets);
    }

    private static ObjectNode head(GoProUuid characteristic, String kind) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("characteristic", characteristic.label());
        node.put("kind", kind);
        return node;
    }

    private static void id(ObjectNode node, int id, String name) {
        node.put("id", id);
        if (name != null) {
            node.put("name", name);
        }
    }

    private static ObjectNode tail(ObjectNode node, byte[] raw, boolean redacted) {
        if (redacted) {
            node.put("redacted", true);
        } else {
            node.put("message", hex(raw));
        }
        return node;
    }
}
