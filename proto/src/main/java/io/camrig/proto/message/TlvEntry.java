package io.camrig.proto.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One id-length-value triplet of a query response or push notification: a setting or status id
 * and its value bytes (big-endian for integers). Immutable: the value is copied in and out.
 *
 * <p>A class rather than a record because of how the value is held. A value of up to 8 bytes
 * (every status and setting value but the strings) is kept as a {@code long}, with no array, so
 * that decoding a push of 70 statuses allocates 70 small objects rather than 140; and
 * {@link #copyOf(int, byte[], int, int)} reads a value straight out of a message.
 */
public final class TlvEntry {
    private static final int INLINE = Long.BYTES;

    private final int id;
    private final int length;
    /** The value, big-endian, when it is at most 8 bytes. */
    private final long bits;
    /** The value when it is longer than 8 bytes, else {@code null}. */
    private final byte[] bytes;

    /**
     * @param id    setting or status id, 0..255
     * @param value the value bytes, 0..255 of them; copied
     * @throws IllegalArgumentException when the id is not one byte or the value is longer than 255
     */
    public TlvEntry(int id, byte[] value) {
        this(id, value, 0, value.length);
    }

    private TlvEntry(int id, byte[] source, int offset, int length) {
        if (id < 0 || id > 0xFF) {
            throw new IllegalArgumentException("id is one byte, got " + id);
        }
        if (length > 0xFF) {
            throw new IllegalArgumentException("value is at most 255 bytes, got " + length);
        }
        this.id = id;
        this.length = length;
        if (length <= INLINE) {
            this.bits = unsignedBigEndian(source, offset, offset + length);
            this.bytes = null;
        } else {
            this.bits = 0;
            this.bytes = Arrays.copyOfRange(source, offset, offset + length);
        }
    }

    /**
     * An entry whose value is {@code length} bytes of {@code source} from {@code offset}, read
     * directly from there (the decoder's way: no intermediate copy).
     *
     * @throws IndexOutOfBoundsException when the range is outside {@code source}
     * @throws IllegalArgumentException  as {@link #TlvEntry(int, byte[])}
     */
    public static TlvEntry copyOf(int id, byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        return new TlvEntry(id, source, offset, length);
    }

    /** The setting or status id, 0..255. */
    public int id() {
        return id;
    }

    /** The value's length, bytes (0..255). */
    public int length() {
        return length;
    }

    /** The value bytes, a copy. */
    public byte[] value() {
        if (bytes != null) {
            return bytes.clone();
        }
        byte[] value = new byte[length];
        for (int i = length - 1, shift = 0; i >= 0; i--, shift += 8) {
            value[i] = (byte) (bits >>> shift);
        }
        return value;
    }

    /**
     * The value as an unsigned big-endian integer (1, 2, 4 or 8 bytes; 0 for an empty value; the
     * last 8 bytes of a longer value).
     */
    public long asLong() {
        return bytes == null ? bits : unsignedBigEndian(bytes, 0, bytes.length);
    }

    /** {@code source[from..to)} as an unsigned big-endian integer (the last 8 bytes when longer). */
    static long unsignedBigEndian(byte[] source, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = (v << 8) | (source[i] & 0xFF);
        }
        return v;
    }

    /** The value as a boolean: {@code true} when {@link #asLong()} is not zero. */
    public boolean asBoolean() {
        return asLong() != 0;
    }

    /** The value as UTF-8, without trailing NUL bytes. */
    public String asString() {
        byte[] value = value();
        int end = value.length;
        while (end > 0 && value[end - 1] == 0) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlvEntry e && e.id == id && e.length == length && e.bits == bits
                && Arrays.equals(e.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value());
    }

    @Override
    public String toString() {
        return id + "=" + HexFormat.of().formatHex(value());
    }
}
