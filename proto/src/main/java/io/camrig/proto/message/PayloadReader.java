package io.camrig.proto.message;

import io.camrig.proto.error.MalformedMessageException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads the length-prefixed fields of command response payloads ({@code [length][value…]}),
 * turning every overrun into a {@link MalformedMessageException} that names the field.
 */
final class PayloadReader {
    private final byte[] bytes;
    private final String what;
    private int pos;

    PayloadReader(byte[] bytes, String what) {
        this.bytes = bytes;
        this.what = what;
    }

    int remaining() {
        return bytes.length - pos;
    }

    int uint8(String field) {
        need(1, field);
        return bytes[pos++] & 0xFF;
    }

    int uint16(String field) {
        return (int) unsigned(2, field);
    }

    /** Reads {@code n} bytes as an unsigned big-endian integer (n at most 8). */
    long unsigned(int n, String field) {
        if (n > 8) {
            throw new MalformedMessageException(what + ": " + field + " is " + n + " bytes, at most 8 fit an integer");
        }
        need(n, field);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (bytes[pos++] & 0xFF);
        }
        return v;
    }

    byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** {@code [length][unsigned big-endian integer]}, the value fitting an int. */
    int lengthPrefixedInt(String field) {
        int n = uint8(field + " length");
        long v = unsigned(n, field);
        if (v > Integer.MAX_VALUE) {
            throw new MalformedMessageException(what + ": " + field + " " + Long.toUnsignedString(v) + " does not fit an int");
        }
        return (int) v;
    }

    /** {@code [length][UTF-8 bytes]}. */
    String lengthPrefixedString(String field) {
        int n = uint8(field + " length");
        byte[] raw = bytes(n, field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(what + ": " + field + " is not UTF-8", e);
        }
    }

    /** Skips a {@code [length][value…]} field. */
    void skipLengthPrefixed(String field) {
        int n = uint8(field + " length");
        need(n, field);
        pos += n;
    }

    private void need(int n, String field) {
        if (n > remaining()) {
            throw new MalformedMessageException(String.format("%s: %s needs %d byte(s) at offset %d, %d left",
                    what, field, n, pos, remaining()));
        }
    }
}
