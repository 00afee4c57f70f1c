package io.camrig.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.MediaFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads fields of one JSON answer the way cameras send them: numbers as JSON numbers or as
 * strings of digits, booleans as {@code true}/{@code false} or {@code 0}/{@code 1}, unknown fields
 * ignored. A required field that is missing or malformed raises {@link MediaFormatException}
 * naming its JSON path.
 */
final class JsonFields {
    private final String camera;
    private final String operation;

    JsonFields(String camera, String operation) {
        this.camera = camera;
        this.operation = operation;
    }

    JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw fail(path, "missing or not a JSON object");
        }
        return node;
    }

    long number(JsonNode node, String key) {
        return optNumber(node, key).orElseThrow(() -> fail(key, "missing"));
    }

    OptionalLong optNumber(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return OptionalLong.of(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(v.asText().trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(key, "not a whole number");
    }

    int intOr(JsonNode node, String key, int fallback) {
        OptionalLong v = optNumber(node, key);
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
            throw fail(key, "out of range");
        }
        return (int) v.getAsLong();
    }

    String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw fail(key, "missing or not a string");
        }
        return v.asText();
    }

    String textOr(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? fallback : v.asText();
    }

    Optional<Boolean> optFlag(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.asBoolean());
        }
        return Optional.of(optNumber(node, key).orElse(0) != 0);
    }

    boolean flag(JsonNode node, String key) {
        return optFlag(node, key).orElse(false);
    }

    List<Long> numbers(JsonNode node, String key) {
        JsonNode v = node.get(key);
        List<Long> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw fail(key, "not an array");
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isIntegralNumber()) {
                out.add(e.asLong());
            } else {
                try {
                    out.add(Long.parseLong(e.asText().trim()));
                } catch (NumberFormatException ex) {
                    throw fail(key + "[" + i + "]", "not a whole number");
                }
            }
        }
        return out;
    }

    MediaFormatException fail(String path, String what) {
        return new MediaFormatException(path + ": " + what, camera, operation, null);
    }
}
