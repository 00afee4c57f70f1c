package io.camrig.proto.message;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The entries of a TLV query response or push notification, read from the message bytes when
 * they are asked for: an immutable {@code List<TlvEntry>} over {@code ([id][length][value…])*}.
 *
 * <p>A status push carries up to a hundred entries, and most pushes are only looked at by the
 * status cache. So the decoder keeps one copy of the bytes and validates their layout once; the
 * {@link TlvEntry} objects are built on the first {@link #get(int)} (then kept), and
 * {@link #forEachValue(ValueVisitor)} reads the values with no allocation at all.
 *
 * <p>Thread-safe: immutable once built; the entries built on demand are published safely.
 *
 * <p>Spec: Open GoPro BLE spec, "Query" / "Response Format".
 */
public final class TlvEntries extends AbstractList<TlvEntry> implements RandomAccess {
    private final byte[] triplets;
    private final int size;
    private volatile TlvEntry[] entries;

    /** Receives one entry's id and its value as an unsigned big-endian integer. */
    @FunctionalInterface
    public interface ValueVisitor {
        void value(int id, long value);
    }

    private TlvEntries(byte[] triplets, int size) {
        this.triplets = triplets;
        this.size = size;
    }

    /**
     * The entries of {@code source[from..to)}, whose layout the caller has checked: {@code size}
     * whole triplets, back to back. The bytes are copied.
     *
     * @throws IndexOutOfBoundsException when the range is outside {@code source}
     */
    public static TlvEntries copyOf(byte[] source, int from, int to, int size) {
        return new TlvEntries(Arrays.copyOfRange(source, from, to), size);
    }

    /** Calls {@code visitor} for each entry in order, with the id and {@link TlvEntry#asLong()}. */
    public void forEachValue(ValueVisitor visitor) {
        byte[] m = triplets;
        int pos = 0;
        for (int i = 0; i < size; i++) {
            int len = m[pos + 1] & 0xFF;
            visitor.value(m[pos] & 0xFF, TlvEntry.unsignedBigEndian(m, pos + 2, pos + 2 + len));
            pos += 2 + len;
        }
    }

    @Override
    public TlvEntry get(int index) {
        return entries()[index];
    }

    @Override
    public int size() {
        return size;
    }

    private TlvEntry[] entries() {
        TlvEntry[] built = entries;
        if (built == null) {
            built = new TlvEntry[size];
            int pos = 0;
            for (int i = 0; i < size; i++) {
                int len = triplets[pos + 1] & 0xFF;
                built[i] = TlvEntry.copyOf(triplets[pos] & 0xFF, triplets, pos + 2, len);
                pos += 2 + len;
            }
            entries = built;
        }
        return built;
    }
}
