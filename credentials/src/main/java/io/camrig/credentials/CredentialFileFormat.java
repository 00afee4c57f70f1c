package io.camrig.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.engine.credentials.CameraCredentials;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;

/**
 * The credential file, version {@value #VERSION}. Plain:
 *
 * <pre>{@code {"format": "camrig-credentials", "version": 1, "cameras": {<serial>: <entry>, ...}}}</pre>
 *
 * Encrypted with a passphrase (see {@link EncryptionHeader}):
 *
 * <pre>{@code {"format": "camrig-credentials", "version": 1, "encryption": {...}, "ciphertext": "<base64>"}}</pre>
 *
 * where the ciphertext is AES-256-GCM (128-bit tag appended) of the UTF-8 JSON
 * {@code {"cameras": {...}}}. Entries are described in {@link CredentialJson}.
 */
final class CredentialFileFormat {
    static final String FORMAT = "camrig-credentials";
    static final int VERSION = 1;

    private CredentialFileFormat() {
    }

    /** What a file holds: plain cameras or an encrypted envelope. */
    sealed interface Content permits Plain, Encrypted {
    }

    /** A plain file's cameras, by serial. */
    record Plain(SortedMap<String, CameraCredentials> cameras) implements Content {
    }

    /** An encrypted file's header and ciphertext. */
    record Encrypted(EncryptionHeader header, byte[] ciphertext) implements Content {
    }

    /** Parses a whole file; CORRUPT content when it is not camrig credentials version 1. */
    static Content parse(byte[] bytes) {
        ObjectNode root = CredentialJson.parseObject(bytes, "is");
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new CredentialJson.CorruptContent("is not a camrig credentials file (no \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) {
            throw new CredentialJson.CorruptContent("has no format version");
        }
        if (version.intValue() != VERSION) {
            throw new CredentialJson.CorruptContent("has format version " + version.intValue()
                    + ", which this camrig does not read (it reads version " + VERSION + ")");
        }
        if (root.has("encryption")) {
            EncryptionHeader header = EncryptionHeader.fromJson(root.get("encryption"));
            JsonNode ct = root.get("ciphertext");
            byte[] ciphertext = null;
            if (ct != null && ct.isTextual()) {
                try {
                    ciphertext = Base64.getDecoder().decode(ct.textValue());
                } catch (IllegalArgumentException e) {
                    ciphertext = null;
                }
            }
            if (ciphertext == null || ciphertext.length < 16) {
                throw new CredentialJson.CorruptContent("has no readable \"ciphertext\"");
            }
            return new Encrypted(header, ciphertext);
        }
        return new Plain(CredentialJson.camerasFromJson(root.get("cameras")));
    }

    /** The cameras inside decrypted content {@code {"cameras": {...}}}. */
    static SortedMap<String, CameraCredentials> parseInner(byte[] plaintext) {
        return CredentialJson.camerasFromJson(CredentialJson.parseObject(plaintext, "decrypts to something that")
                .get("cameras"));
    }

    /** A plain file (pretty-printed UTF-8 JSON, newline at the end). */
    static byte[] plain(Map<String, CameraCredentials> cameras) {
        ObjectNode root = envelope();
        root.set("cameras", CredentialJson.camerasToJson(cameras));
        return write(root, true);
    }

    /** What gets encrypted: {@code {"cameras": {...}}}, compact UTF-8 JSON. */
    static byte[] inner(Map<String, CameraCredentials> cameras) {
        ObjectNode root = CredentialJson.MAPPER.createObjectNode();
        root.set("cameras", CredentialJson.camerasToJson(cameras));
        return write(root, false);
    }

    /** An encrypted file. */
    static byte[] encrypted(EncryptionHeader header, byte[] ciphertext) {
        ObjectNode root = envelope();
        root.set("encryption", header.toJson());
        root.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        return write(root, true);
    }

    private static ObjectNode envelope() {
        return CredentialJson.MAPPER.createObjectNode().put("format", FORMAT).put("version", VERSION);
    }

    private static byte[] write(ObjectNode root, boolean pretty) {
        try {
            byte[] json = pretty ? CredentialJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)
                    : CredentialJson.MAPPER.writeValueAsBytes(root);
            if (!pretty) {
                return json;
            }
            byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            // A tree of strings and ints always serializes; this is a bug, not bad input.
            throw new UncheckedIOException(e);
        }
    }
}
