package io.camrig.proto.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.proto.catalog.TypedValue;
import io.camrig.proto.catalog.ValueTypes;
import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraDateTime;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.message.TlvEntry;
import java.util.List;

/** TLV values and command response payloads as JSON. */
final class TlvJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TlvJson() {
    }

    /** A typed value: boolean, number (unsigned, big when over 2^63-1), string or hex string. */
    static JsonNode value(TypedValue v) {
        if (v instanceof TypedValue.Bool b) {
            return F.booleanNode(b.value());
        } else if (v instanceof TypedValue.Unsigned u) {
            long n = u.value();
            if (n >= 0 && n <= Integer.MAX_VALUE) {
                return F.numberNode((int) n); // the node type Jackson reads back for small numbers
            }
            return n >= 0 ? F.numberNode(n) : F.numberNode(u.bigValue());
        } else if (v instanceof TypedValue.Text t) {
            return F.textNode(t.value());
        }
        return F.textNode(v.hex());
    }

    /**
     * {@code id → typed value} for the entries of a query response or push. Capability queries
     * (0x32, 0x62, 0xA2) list one entry per supported option, so their values are always arrays (an
     * entry of length 0, "no option available", gives an empty array); for other queries an id that
     * repeats also becomes an array.
     */
    static ObjectNode values(int queryId, List<TlvEntry> entries) {
        boolean statuses = QueryId.isStatusQuery(queryId);
        boolean capabilities = queryId == QueryId.GET_SETTING_CAPABILITIES
                || queryId == QueryId.REGISTER_SETTING_CAPABILITY_UPDATES || queryId == QueryId.SETTING_CAPABILITY_PUSH;
        ObjectNode values = F.objectNode();
        for (TlvEntry e : entries) {
            if (capabilities && e.length() == 0) {
                // "no option available": the setting is listed with an empty array
                if (values.get(Integer.toString(e.id())) == null) {
                    values.set(Integer.toString(e.id()), F.arrayNode());
                }
                continue;
            }
            TypedValue typed = statuses ? ValueTypes.decodeStatus(e.id(), e.value()) : ValueTypes.decodeSetting(e.id(), e.value());
            JsonNode node = value(typed);
            String key = Integer.toString(e.id());
            JsonNode existing = values.get(key);
            if (existing == null) {
                values.set(key, capabilities ? F.arrayNode().add(node) : node);
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(node);
            } else {
                values.set(key, F.arrayNode().add(existing).add(node));
            }
        }
        return values;
    }

    /**
     * Adds {@code response} (parsed fields) for command responses camrig can parse, or
     * {@code response_error} when the payload breaks its layout.
     */
    static void putCommandResponse(ObjectNode node, int commandId, byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try {
            ObjectNode r = F.objectNode();
            switch (commandId) {
                case CommandId.GET_HARDWARE_INFO -> {
                    HardwareInfo h = HardwareInfo.parse(payload);
                    r.put("model_number", h.modelNumber());
                    r.put("model_name", h.modelName());
                    r.put("firmware_version", h.firmwareVersion());
                    r.put("serial_number", h.serialNumber());
                    r.put("ap_ssid", h.apSsid());
                    r.put("ap_mac_address", h.apMacAddress());
                }
                case CommandId.GET_OPEN_GOPRO_VERSION -> {
                    OpenGoProVersion v = OpenGoProVersion.parse(payload);
                    r.put("major", v.major());
                    r.put("minor", v.minor());
                }
                case CommandId.GET_DATE_TIME -> r.put("date_time",
                        CameraDateTime.parseGetDateTimeResponse(payload).dateTime().toString());
                case CommandId.GET_LOCAL_DATE_TIME -> {
                    CameraLocalDateTime t = CameraLocalDateTime.parseGetLocalDateTimeResponse(payload);
                    r.put("date_time", t.dateTime().toString());
                    r.put("utc_offset_minutes", t.utcOffsetMinutes());
                    r.put("is_dst", t.dst());
                }
                default -> {
                    return;
                }
            }
            node.set("response", r);
        } catch (MalformedMessageException e) {
            node.put("response_error", e.getMessage());
        }
    }
}
