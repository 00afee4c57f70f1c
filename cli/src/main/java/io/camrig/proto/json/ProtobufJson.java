package io.camrig.proto.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.JsonFormat;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/** Protobuf fields as JSON (proto field names), with secret fields redacted. */
final class ProtobufJson {
    /** Field names whose values are secrets (NotifyCOHNStatus.password, RequestConnectNew.password). */
    static final String SECRET_FIELD = "password";
    static final String REDACTED = "***";

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

    private ProtobufJson() {
    }

    /**
     * Puts {@code fields} (and {@code redacted: true} when a secret was hidden) on {@code node}.
     *
     * @return {@code true} when a secret was redacted, so the raw bytes must not be printed
     */
    static boolean putFields(ObjectNode node, MessageOrBuilder message, boolean showSecrets) {
        JsonNode fields;
        try {
            fields = MessageJson.MAPPER.readTree(PRINTER.print(message));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            node.put("fields_error", e.getMessage());
            return false;
        }
        boolean redacted = !showSecrets && redact(fields);
        node.set("fields", fields);
        return redacted;
    }

    /**
     * Untyped fields as {@code {"<field number>": [values…]}}: varints and fixed values as
     * unsigned numbers, length-delimited values as lower case hex, groups as nested objects.
     */
    static ObjectNode rawFields(UnknownFieldSet fields) {
        ObjectNode out = MessageJson.MAPPER.createObjectNode();
        for (Map.Entry<Integer, UnknownFieldSet.Field> e : fields.asMap().entrySet()) {
            ArrayNode values = out.putArray(String.valueOf(e.getKey()));
            UnknownFieldSet.Field f = e.getValue();
            f.getVarintList().forEach(v -> addUnsigned(values, v));
            f.getFixed32List().forEach(v -> addUnsigned(values, Integer.toUnsignedLong(v)));
            f.getFixed64List().forEach(v -> addUnsigned(values, v));
            f.getLengthDelimitedList().forEach(v -> values.add(MessageJson.hex(v.toByteArray())));
            f.getGroupList().forEach(g -> values.add(rawFields(g)));
        }
        return out;
    }

    private static void addUnsigned(ArrayNode values, long v) {
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            values.add((int) v);
        } else if (v >= 0) {
            values.add(v);
        } else {
            values.add(new BigInteger(Long.toUnsignedString(v)));
        }
    }

    /** Replaces every non-empty {@code password} value in the tree; {@code true} when one was. */
    private static boolean redact(JsonNode node) {
        boolean any = false;
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(SECRET_FIELD) && e.getValue().isTextual()) {
                    if (!e.getValue().asText().isEmpty()) {
                        e.setValue(object.textNode(REDACTED));
                        any = true;
                    }
                } else {
                    any |= redact(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                any |= redact(child);
            }
        }
        return any;
    }
}
