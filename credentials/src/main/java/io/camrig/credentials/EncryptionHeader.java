package io.camrig.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code encryption} object of an encrypted credential file: how the key was derived and the
 * AES-GCM nonce. Nothing in it is secret; all of it is authenticated as the GCM additional data
 * ({@link #aad()}), so an edited header fails like edited ciphertext.
 *
 * <pre>{@code
 * "encryption": {"cipher": "AES-256-GCM", "kdf": "Argon2id", "kdfVersion": 19,
 *                "memoryKiB": 65536, "iterations": 3, "parallelism": 1,
 *                "salt": "<16 bytes, base64>", "nonce": "<12 bytes, base64>",
 *                "keyCheck": "<16 bytes, base64>"}
 * }</pre>
 *
 * {@code keyCheck} is 16 more bytes of the Argon2id output (after the 32 key bytes): it tells a
 * wrong passphrase from a damaged file without trying the key.
 *
 * @param cost the Argon2id cost
 * @param salt the Argon2id salt, {@value #SALT_BYTES} bytes
 * @param nonce the AES-GCM nonce, {@value #NONCE_BYTES} bytes, fresh for every write
 * @param keyCheck the key check, {@value #CHECK_BYTES} bytes
 */
record EncryptionHeader(Argon2Cost cost, byte[] salt, byte[] nonce, byte[] keyCheck) {
    static final String CIPHER = "AES-256-GCM";
    static final String KDF = "Argon2id";
    /** Argon2 version 1.3 (0x13), the RFC 9106 one. */
    static final int KDF_VERSION = 0x13;
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int CHECK_BYTES = 16;

    /** The header as JSON. */
    ObjectNode toJson() {
        ObjectNode n = CredentialJson.MAPPER.createObjectNode();
        n.put("cipher", CIPHER).put("kdf", KDF).put("kdfVersion", KDF_VERSION)
                .put("memoryKiB", cost.memoryKiB()).put("iterations", cost.iterations())
                .put("parallelism", cost.parallelism())
                .put("salt", b64(salt)).put("nonce", b64(nonce)).put("keyCheck", b64(keyCheck));
        return n;
    }

    /** Reads a header; CORRUPT content when a field is missing, unknown or out of range. */
    static EncryptionHeader fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new CredentialJson.CorruptContent("has no \"encryption\" object");
        }
        if (!CIPHER.equals(n.path("cipher").asText(null)) || !KDF.equals(n.path("kdf").asText(null))
                || n.path("kdfVersion").asInt(-1) != KDF_VERSION) {
            throw new CredentialJson.CorruptContent("uses an encryption this camrig does not know (expects "
                    + CIPHER + " with " + KDF + " version 19)");
        }
        Argon2Cost cost;
        try {
            cost = new Argon2Cost(integer(n, "memoryKiB"), integer(n, "iterations"), integer(n, "parallelism"));
        } catch (IllegalArgumentException e) {
            throw new CredentialJson.CorruptContent("asks for an Argon2 cost out of range: " + e.getMessage());
        }
        return new EncryptionHeader(cost, bytes(n, "salt", SALT_BYTES), bytes(n, "nonce", NONCE_BYTES),
                bytes(n, "keyCheck", CHECK_BYTES));
    }

    /** The GCM additional data: every header field in a fixed order, UTF-8. */
    byte[] aad() {
        return (CredentialFileFormat.FORMAT + '/' + CredentialFileFormat.VERSION + '/' + CIPHER + '/' + KDF + '/'
                + KDF_VERSION + "/m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "/salt=" + b64(salt) + "/nonce=" + b64(nonce) + "/check=" + b64(keyCheck))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt()) {
            throw new CredentialJson.CorruptContent("lacks the integer \"encryption." + field + "\"");
        }
        return v.intValue();
    }

    private static byte[] bytes(JsonNode n, String field, int length) {
        JsonNode v = n.get(field);
        byte[] b = null;
        if (v != null && v.isTextual()) {
            try {
                b = Base64.getDecoder().decode(v.textValue());
            } catch (IllegalArgumentException e) {
                b = null;
            }
        }
        if (b == null || b.length != length) {
            throw new CredentialJson.CorruptContent("lacks " + length + " base64 bytes in \"encryption." + field + "\"");
        }
        return b;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
