package io.camrig.credentials;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.credentials.CameraCredentials;
import io.camrig.engine.credentials.CohnCredentials;
import io.camrig.engine.credentials.CredentialStoreException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON of camera entries, and strict parsing of untrusted bytes. A camera entry:
 *
 * <pre>{@code
 * "C3501324500711": {
 *   "updated": "2025-01-31T12:00:00Z",
 *   "ap":   {"ssid": "GP24500711", "password": "..."},
 *   "cohn": {"username": "gopro", "password": "...", "ipAddress": "192.168.1.20",
 *            "ssid": "home", "rootCaPem": "-----BEGIN CERTIFICATE-----..."}
 * }
 * }</pre>
 *
 * {@code ap} and {@code cohn} are absent when unknown. Error messages name the file, the serial
 * and the field, never a value: Jackson's own messages quote the offending token, so they are not
 * passed on, only the line and column.
 */
final class CredentialJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CredentialJson() {
    }

    /** Parses a JSON object, or fails with CORRUPT naming {@code what} and where it broke. */
    static ObjectNode parseObject(byte[] bytes, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CorruptContent(what + " is not valid JSON (truncated or damaged?)" + where);
        } catch (IOException e) {
            throw new CorruptContent(what + " cannot be parsed");
        }
        if (node == null || !node.isObject()) {
            throw new CorruptContent(what + " is not a JSON object (empty or truncated?)");
        }
        return (ObjectNode) node;
    }

    /** The JSON object of these cameras, by serial. */
    static ObjectNode camerasToJson(Map<String, CameraCredentials> cameras) {
        ObjectNode out = MAPPER.createObjectNode();
        for (CameraCredentials c : new TreeMap<>(cameras).values()) {
            ObjectNode entry = out.putObject(c.serial());
            entry.put("updated", c.updated().toString());
            c.ap().ifPresent(ap -> entry.putObject("ap").put("ssid", ap.ssid()).put("password", ap.password()));
            c.cohn().ifPresent(co -> entry.putObject("cohn")
                    .put("username", co.username())
                    .put("password", co.password())
                    .put("ipAddress", co.ipAddress())
                    .put("ssid", co.ssid())
                    .put("rootCaPem", co.rootCaPem()));
        }
        return out;
    }

    /** The cameras of a {@code cameras} object; CORRUPT when an entry lacks a field. */
    static SortedMap<String, CameraCredentials> camerasFromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new CorruptContent("has no \"cameras\" object");
        }
        SortedMap<String, CameraCredentials> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), camera(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static CameraCredentials camera(String serial, JsonNode n) {
        if (!n.isObject()) {
            throw new CorruptContent("has a camera entry that is not an object (" + serial + ")");
        }
        Instant updated;
        try {
            updated = Instant.parse(text(serial, n, "updated"));
        } catch (DateTimeParseException e) {
            throw new CorruptContent("has an unreadable \"updated\" time for camera " + serial);
        }
        Optional<ApCredentials> ap = Optional.empty();
        JsonNode a = n.get("ap");
        if (a != null && !a.isNull()) {
            ap = Optional.of(new ApCredentials(text(serial, a, "ap.ssid"), text(serial, a, "ap.password")));
        }
        Optional<CohnCredentials> cohn = Optional.empty();
        JsonNode c = n.get("cohn");
        if (c != null && !c.isNull()) {
            cohn = Optional.of(new CohnCredentials(text(serial, c, "cohn.username"), text(serial, c, "cohn.password"),
                    text(serial, c, "cohn.ipAddress"), text(serial, c, "cohn.ssid"), text(serial, c, "cohn.rootCaPem")));
        }
        return new CameraCredentials(serial, ap, cohn, updated);
    }

    private static String text(String serial, JsonNode parent, String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        JsonNode v = parent.isObject() ? parent.get(field) : null;
        if (v == null || !v.isTextual()) {
            throw new CorruptContent("lacks the text field \"" + path + "\" for camera " + serial);
        }
        return v.textValue();
    }

    /**
     * Content that is not valid camrig credentials; the store turns it into a CORRUPT {@link
     * CredentialStoreException} naming the file. The message holds no value from the content.
     */
    static final class CorruptContent extends RuntimeException {
        CorruptContent(String message) {
            super(message, null, false, false);
        }
    }
}
