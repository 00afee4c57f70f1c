package io.camrig.footage.testutil;

import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.gpmf.GpmfSummary;
import java.lang.management.ManagementFactory;

/**
 * Reads mutated files through {@link FootageReader} and keeps the score: each read must give facts
 * (whose every accessor then works) or a {@link FootageFormatException} with a message; anything
 * else escaping is an {@link AssertionError} naming the mutant. Each read is also held to bounds:
 * no single read larger than the file (the reader sizes its buffer before reading), at most
 * {@link #READ_FACTOR}× the file read in all, and at most {@link #ALLOC_FACTOR}× the file plus
 * {@link #ALLOC_SLACK} bytes allocated by the reading thread (so a 1 KB file that claims a 4 GB table
 * cannot allocate it).
 */
public final class Verdicts {
    /**
     * Top-level headers (16 bytes per box of at least 8: 2× the file), moov (1×), the tmcd and gpmd
     * samples (1× each at most): 4× the file, plus the 4-byte GPMF sniff.
     */
    public static final int READ_FACTOR = 4;
    /** moov and the GPMF sample as arrays, the views and records made from them. */
    public static final int ALLOC_FACTOR = 16;
    public static final long ALLOC_SLACK = 2L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private int valid;
    private int warned;
    private int typed;
    private long mostAllocated;

    public int valid() {
        return valid;
    }

    /** Reads that gave facts with warnings (a part malformed, the rest read). */
    public int warned() {
        return warned;
    }

    public int typed() {
        return typed;
    }

    public int total() {
        return valid + typed;
    }

    /** The most bytes one read allocated. */
    public long mostAllocated() {
        return mostAllocated;
    }

    /**
     * Reads the first {@code length} bytes of {@code data}; {@code what} names the mutant in failures.
     * A read over the allocation bound is measured once more, so the JVM's one-time costs (loading a
     * class, linking a call site on an error path taken for the first time) do not count.
     */
    public FootageFacts read(byte[] data, int length, String what) {
        Attempt first = attempt(data, length, what);
        if (first.facts != null) {
            valid++;
            warned += first.facts.warnings().isEmpty() ? 0 : 1;
        } else {
            typed++;
        }
        long allocated = first.allocated;
        if (allocated > (long) ALLOC_FACTOR * length + ALLOC_SLACK) {
            allocated = attempt(data, length, what).allocated;
        }
        mostAllocated = Math.max(mostAllocated, allocated);
        if (first.channel.largestRead() > Math.max(length, 16)) {   // 16: a header or the GPMF sniff, fixed buffers
            throw new AssertionError(what + ": one read asked for " + first.channel.largestRead() + " bytes of a "
                    + length + "-byte file");
        }
        if (first.channel.bytesRead() > (long) READ_FACTOR * length + 8) {
            throw new AssertionError(what + ": read " + first.channel.bytesRead() + " bytes of a " + length
                    + "-byte file");
        }
        if (allocated > (long) ALLOC_FACTOR * length + ALLOC_SLACK) {
            throw new AssertionError(what + ": allocated " + allocated + " bytes reading a " + length + "-byte file");
        }
        return first.facts;
    }

    private record Attempt(FootageFacts facts, MemoryChannel channel, long allocated) {
    }

    private static Attempt attempt(byte[] data, int length, String what) {
        MemoryChannel ch = new MemoryChannel(data, length);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        FootageFacts facts = null;
        try {
            facts = FootageReader.read(ch, "mutant.mp4");
            exercise(facts);
        } catch (FootageFormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError(what + ": a typed error without a message", e);
            }
        } catch (Throwable t) {   // an in-memory channel never fails: anything here is the reader's
            throw new AssertionError(what + ": " + t + " escaped the footage reader", t);
        }
        return new Attempt(facts, ch, THREADS.getCurrentThreadAllocatedBytes() - before);
    }

    /** Every accessor a caller (the CLI, the manifest) uses, so what they would throw fails here. */
    private static void exercise(FootageFacts f) {
        f.cameraIdText();
        f.firmware().length();
        f.creationTime().ifPresent(Object::toString);
        f.timecode().ifPresent(tc -> {
            tc.smpte();
            tc.timeOfDay().toNanos();
            tc.frameRate();
            tc.frameNanos();
            tc.dropFrame();
        });
        f.telemetry().ifPresent(GpmfSummary::gpsLocked);
    }
}
