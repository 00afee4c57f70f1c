package io.camrig.proto.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One id-length-value triplet of a query response or push notification: a setting or status id
 * and its value bytes (big-endian for integers).
 *
 * @param id    setting or status id, 0..255
 * @param value the value bytes, 0..255 of them
 */
public record TlvEntry(int id, byte[] value) {
    public TlvEntry {
        if (id < 0 || id > 0xFF) {
            throw new IllegalArgumentException("id is one byte, got " + id);
        }
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("value is at most 255 bytes, got " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as an unsigned big-endian integer (1, 2, 4 or 8 bytes; 0 for an empty value). */
    public long asLong() {
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /** The value as a boolean: any non-zero byte is {@code true}. */
    public boolean asBoolean() {
        return asLong() != 0;
    }

    /** The value as UTF-8, without trailing NUL bytes. */
    public String asString() {
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlvEntry e && e.id == id && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return id + "=" + HexFormat.of().formatHex(value);
    }
}
