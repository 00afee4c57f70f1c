package io.camrig.footage.gpmf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One GPMF key-length-value entry.
 *
 * <p>Header, 8 bytes, big-endian: key (4 ASCII bytes), type (1 byte: {@code b B c d f F G j J l L
 * q Q s S U ?}, or 0 for nested GPMF), structure size (1 byte, bytes per sample), repeat (u16,
 * samples). The value is {@code structSize × repeat} bytes, padded to a multiple of 4.
 *
 * @param key the four-character key, e.g. {@code DEVC}, {@code STNM}
 * @param type the type character, or {@code '\0'} when nested
 * @param structSize bytes per sample, 0..255
 * @param repeat number of samples, 0..65535
 * @param value the value without padding (read-only)
 * @param children the nested entries when {@code type == 0}, else empty
 */
public record Klv(String key, char type, int structSize, int repeat, ByteBuffer value, List<Klv> children) {
    public Klv {
        value = value.asReadOnlyBuffer();
        children = List.copyOf(children);
    }

    /** {@code true} when this entry holds nested GPMF. */
    public boolean nested() {
        return type == 0;
    }

    /** The first direct child with this key. */
    public Optional<Klv> child(String childKey) {
        return children.stream().filter(k -> k.key.equals(childKey)).findFirst();
    }

    /**
     * The value as text: types {@code c} and {@code U} (ISO-8859-1, as GPMF strings use single
     * bytes such as 0xB2 for ²), up to the first NUL.
     */
    public String text() {
        ByteBuffer v = value.duplicate();
        byte[] raw = new byte[v.remaining()];
        v.get(raw);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * The first sample as an unsigned integer for types {@code B S L J} and a signed one for
     * {@code b s l j}; empty for other types or no sample.
     */
    public Optional<Long> firstInteger() {
        ByteBuffer v = value.duplicate();
        return switch (type) {
            case 'B' -> v.remaining() >= 1 ? Optional.of((long) (v.get() & 0xFF)) : Optional.empty();
            case 'b' -> v.remaining() >= 1 ? Optional.of((long) v.get()) : Optional.empty();
            case 'S' -> v.remaining() >= 2 ? Optional.of((long) (v.getShort() & 0xFFFF)) : Optional.empty();
            case 's' -> v.remaining() >= 2 ? Optional.of((long) v.getShort()) : Optional.empty();
            case 'L' -> v.remaining() >= 4 ? Optional.of(Integer.toUnsignedLong(v.getInt())) : Optional.empty();
            case 'l' -> v.remaining() >= 4 ? Optional.of((long) v.getInt()) : Optional.empty();
            case 'J', 'j' -> v.remaining() >= 8 ? Optional.of(v.getLong()) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
