package io.camrig.proto.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes length-prefixed fields for the camera side of command responses (the simulator). */
final class PayloadWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadWriter uint8(int v) {
        out.write(v);
        return this;
    }

    PayloadWriter uint16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** {@code [n][value as n big-endian bytes]}. */
    PayloadWriter lengthPrefixedInt(long v, int n) {
        out.write(n);
        for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    /** {@code [length][UTF-8]}; the string must encode to at most 255 bytes. */
    PayloadWriter lengthPrefixedString(String field, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFF) {
            throw new IllegalArgumentException(field + " is at most 255 UTF-8 bytes, got " + b.length);
        }
        out.write(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** The fewest bytes (at least 1) that hold an unsigned value. */
    static int width(long v) {
        int n = 1;
        while (n < 8 && (v >>> (8 * n)) != 0) {
            n++;
        }
        return n;
    }
}
