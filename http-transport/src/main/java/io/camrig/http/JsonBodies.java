package io.camrig.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parses JSON response bodies into trees, turning every parse failure into a typed error, and
 * writes request bodies. Unknown fields are never an error.
 */
final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonBodies() {
    }

    /**
     * Parses a whole body.
     *
     * @throws MediaFormatException when the body is empty, truncated or not JSON
     */
    static JsonNode readTree(byte[] body, String camera, String operation) {
        if (body.length == 0) {
            throw new MediaFormatException("empty body where JSON was expected", camera, operation, null);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MediaFormatException("no JSON value in body", camera, operation, null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MediaFormatException("malformed JSON: " + e.getOriginalMessage(), camera, operation, e);
        } catch (IOException e) {
            throw new MediaFormatException("unreadable JSON body", camera, operation, e);
        }
    }

    /**
     * Checks a {@code GET /gopro/camera/state} body: an object holding {@code status} and {@code
     * settings} objects (schema {@code State}). Other members are kept.
     *
     * @throws MediaFormatException when either object is missing
     */
    static JsonNode requireState(JsonNode root, String camera, String operation) {
        if (!root.isObject()) {
            throw new MediaFormatException("state is not a JSON object", camera, operation, null);
        }
        for (String key : new String[] {"status", "settings"}) {
            if (!root.path(key).isObject()) {
                throw new MediaFormatException("state has no '" + key + "' object", camera, operation, null);
            }
        }
        return root;
    }

    /** Serializes a request body (a map, a record, a tree). */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize a request body", e);
        }
    }
}
