package io.camrig.proto.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
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
