package io.camrig.footage.gpmf;

import io.camrig.footage.error.FootageFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a GPMF payload (one {@code gpmd} sample, or a raw {@code .raw} dump) into {@link Klv}
 * trees. Validates each length against what is left of its parent before slicing (no copy of the
 * payload is made), nests at most {@value #MAX_DEPTH} levels, reads at most {@value #MAX_ENTRIES}
 * entries, and stops at a zero key (padding at the end of a payload).
 *
 * <p>Errors: {@link FootageFormatException} for a truncated header, a value running past its
 * parent, a key that is not printable ASCII, nesting deeper than the limit, or more entries than
 * the limit.
 */
public final class GpmfParser {
    /** How deep nested entries may go (GoPro writes DEVC → STRM → value: 3). */
    public static final int MAX_DEPTH = 8;
    /**
     * The most entries read from one payload, nested ones included (a second of HERO telemetry holds
     * a few hundred): each entry is about 550 bytes of records and views, so a 4 MiB payload cut
     * into empty 8-byte entries would otherwise hold 275 MB; 4096 entries hold about 2 MB.
     */
    public static final int MAX_ENTRIES = 4096;

    private GpmfParser() {
    }

    public static List<Klv> parse(ByteBuffer payload) {
        return parse(payload.slice(), 0, 0, new int[1]);
    }

    private static List<Klv> parse(ByteBuffer b, long base, int depth, int[] entries) {
        if (depth > MAX_DEPTH) {
            throw new FootageFormatException("GPMF nested deeper than " + MAX_DEPTH + " levels at offset " + base);
        }
        List<Klv> out = new ArrayList<>();
        while (b.remaining() >= 8) {
            int at = b.position();
            if (b.getInt(at) == 0) {
                break;   // padding
            }
            if (++entries[0] > MAX_ENTRIES) {
                throw new FootageFormatException("GPMF holds more than " + MAX_ENTRIES + " entries (the next at offset "
                        + (base + at) + ")");
            }
            byte[] rawKey = new byte[4];
            b.get(rawKey);
            for (byte k : rawKey) {
                if (k < 0x20 || k > 0x7E) {
                    throw new FootageFormatException("GPMF key at offset " + (base + at) + " is not ASCII");
                }
            }
            String key = new String(rawKey, StandardCharsets.US_ASCII);
            char type = (char) (b.get() & 0xFF);
            int structSize = b.get() & 0xFF;
            int repeat = b.getShort() & 0xFFFF;
            int length = structSize * repeat;
            int padded = (length + 3) & ~3;
            if (padded > b.remaining()) {
                throw new FootageFormatException("GPMF " + key + " at offset " + (base + at) + " declares " + length
                        + " bytes; " + b.remaining() + " are left");
            }
            ByteBuffer value = b.slice(b.position(), length);
            List<Klv> children = type == 0 ? parse(value.duplicate(), base + at + 8, depth + 1, entries) : List.of();
            out.add(new Klv(key, type, structSize, repeat, value, children));
            b.position(b.position() + padded);
        }
        return out;
    }
}
