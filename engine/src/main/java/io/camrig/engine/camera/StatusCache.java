package io.camrig.engine.camera;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The last known value of each status the camera reported, by status id (0..255, one byte in
 * the TLV protocol). Written by one thread at a time (the camera's inbound path), read from
 * anywhere: a value is published before the flag that says it is known, so a reader that sees
 * the flag sees the value.
 *
 * <p>Two primitive arrays rather than a map of boxed values: the inbound path writes every status
 * of every push here, and a {@code Map<Integer, Long>} allocated for each of them.
 */
final class StatusCache {
    private static final int IDS = 256;

    private final AtomicLongArray values = new AtomicLongArray(IDS);
    /** Bit {@code id % 64} of word {@code id / 64} is set once status {@code id} is known. */
    private final AtomicLongArray known = new AtomicLongArray(IDS / Long.SIZE);

    /** @throws IllegalArgumentException when the id is not 0..255 */
    void put(int statusId, long value) {
        check(statusId);
        // Release stores (no fence): the reads are volatile, and there is one writer.
        values.lazySet(statusId, value);
        int word = statusId >>> 6;
        long bit = 1L << statusId;
        long flags = known.get(word);
        if ((flags & bit) == 0) {
            known.lazySet(word, flags | bit);
        }
    }

    Optional<Long> get(int statusId) {
        return isKnown(statusId) ? Optional.of(values.get(statusId)) : Optional.empty();
    }

    /** {@code true} when the status is known and non-zero. */
    boolean isSet(int statusId) {
        return isKnown(statusId) && values.get(statusId) != 0;
    }

    /** {@code true} when the status is known and zero. */
    boolean isClear(int statusId) {
        return isKnown(statusId) && values.get(statusId) == 0;
    }

    /** Every known status, id → value. */
    Map<Integer, Long> snapshot() {
        Map<Integer, Long> copy = new HashMap<>();
        for (int id = 0; id < IDS; id++) {
            if (isKnown(id)) {
                copy.put(id, values.get(id));
            }
        }
        return Map.copyOf(copy);
    }

    private boolean isKnown(int statusId) {
        return statusId >= 0 && statusId < IDS && (known.get(statusId >>> 6) & (1L << statusId)) != 0;
    }

    private static void check(int statusId) {
        if (statusId < 0 || statusId >= IDS) {
            throw new IllegalArgumentException("a status id is one byte, got " + statusId);
        }
    }
}
