package io.camrig.footage.gpmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.footage.error.FootageFormatException;
import io.camrig.footage.testutil.MediaSamples;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Damaged and hostile GPMF through {@link GpmfParser} and {@link GpmfSummary}: every real payload
 * (HERO5, HERO6, HERO6 with a BLE sensor, Fusion, Karma) cut at every KLV boundary, with every KLV
 * header's type, structure size, repeat and key overwritten (keys the summary reads given the wrong
 * type), random bytes overwritten (seeded), and bombs (nesting, entry counts, sizes that overflow).
 * Each parse must give entries (whose accessors all work) or a {@code FootageFormatException};
 * allocation stays within a bound of the payload's size.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GpmfMutationTest {
    private static final long SEED = 0x5EED_0018_6F4DL;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Allocation allowed per payload byte, plus slack: entries are records with views, never copies. */
    private static final int ALLOC_FACTOR = 32;
    private static final long ALLOC_SLACK = 1L << 20;

    private static Map<String, byte[]> payloads;

    private int valid;
    private int typed;

    @BeforeAll
    static void payloads() throws Exception {
        payloads = new LinkedHashMap<>();
        for (String name : List.of("hero5.raw", "hero6.raw", "hero6+ble.raw", "Fusion.raw", "karma.raw")) {
            payloads.put(name, Files.readAllBytes(MediaSamples.require(name)));
        }
        GpmfMutationTest warm = new GpmfMutationTest();
        for (int i = 0; i < 50; i++) {
            payloads.forEach((name, p) -> warm.parse(p, p.length, name));
        }
    }

    @Test
    void everyCutAtAKlvBoundaryOrElsewhereIsEntriesOrATypedError() {
        Random rnd = new Random(SEED);
        for (var p : payloads.entrySet()) {
            byte[] d = p.getValue();
            Set<Integer> cuts = new TreeSet<>();
            for (int at : klvs(d)) {
                for (int k = 0; k <= 12; k++) {
                    cuts.add(at + k);
                }
            }
            for (int i = 0; i < 100; i++) {
                cuts.add(rnd.nextInt(d.length));
            }
            cuts.removeIf(c -> c > d.length);
            cuts.forEach(c -> parse(d, c, p.getKey() + " cut at " + c));
        }
        assertThat(typed).isPositive();
        assertThat(valid).isPositive();
    }

    @Test
    void everyKlvHeaderOverwrittenIsEntriesOrATypedError() {
        byte[] types = {0, 'b', 'B', 'c', 'd', 'f', 'F', 'G', 'j', 'J', 'l', 'L', 'q', 'Q', 's', 'S', 'U', '?', 'Z',
            (byte) 0xFF, 1};
        int[] sizes = {0, 1, 2, 3, 4, 7, 8, 0x80, 0xFF};
        int[] repeats = {0, 1, 2, 3, 0x7FFF, 0x8000, 0xFFFF};
        List<String> keys = List.of("DEVC", "STRM", "DVID", "DVNM", "STNM", "STMP", "GPSU", "GPSF", "TYPE", "\0\0\0\0",
                "\u00ff\u00ff\u00ff\u00ff", "DE\nC");
        for (var p : payloads.entrySet()) {
            byte[] d = p.getValue().clone();
            for (int at : klvs(d)) {
                for (byte t : types) {
                    patch(d, at + 4, new byte[] {t}, "type " + t);
                }
                for (int s : sizes) {
                    patch(d, at + 5, new byte[] {(byte) s}, "struct size " + s);
                }
                for (int r : repeats) {
                    patch(d, at + 6, new byte[] {(byte) (r >> 8), (byte) r}, "repeat " + r);
                }
                for (String k : keys) {
                    patch(d, at, k.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "key " + k);
                }
            }
        }
        assertThat(typed).isPositive();
        assertThat(valid).isPositive();
    }

    @Test
    void randomOverwritesAreEntriesOrATypedError() {
        Random rnd = new Random(SEED + 1);
        for (var p : payloads.entrySet()) {
            byte[] d = p.getValue().clone();
            for (int i = 0; i < 1500; i++) {
                int n = 1 + rnd.nextInt(6);
                int[] at = new int[n];
                byte[] old = new byte[n];
                for (int k = 0; k < n; k++) {
                    at[k] = rnd.nextInt(d.length);
                    old[k] = d[at[k]];
                    d[at[k]] = (byte) rnd.nextInt(256);
                }
                parse(d, d.length, p.getKey() + " random overwrite #" + i + " at " + Arrays.toString(at));
                for (int k = n - 1; k >= 0; k--) {
                    d[at[k]] = old[k];
                }
            }
        }
        assertThat(typed).isPositive();
        assertThat(valid).isPositive();
    }

    @Test
    void nestingEntryCountAndLengthBombsEndWithinBoundedAllocation() {
        // DEVC nested 10 000 deep, each declaring 255 × 0xFFFF bytes: the largest length one header can say
        ByteBuffer deep = ByteBuffer.allocate(10_000 * 8);
        while (deep.hasRemaining()) {
            deep.put("DEVC".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0xFF)
                    .putShort((short) 0xFFFF);
        }
        parse(deep.array(), deep.capacity(), "10 000 levels each declaring 16 MB");
        // DEVC nested exactly to the limit and one past it, each declaring the rest
        for (int levels : new int[] {GpmfParser.MAX_DEPTH, GpmfParser.MAX_DEPTH + 1, GpmfParser.MAX_DEPTH + 2}) {
            ByteBuffer b = ByteBuffer.allocate(levels * 8 + 8);
            for (int i = 0; i < levels; i++) {
                b.put("DEVC".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 4)
                        .putShort((short) (levels - i - 1 + 2));
            }
            b.put("TYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 'c').put((byte) 1)
                    .putShort((short) 4);
            parse(b.array(), b.capacity(), levels + " levels");
        }
        // 4 MiB of empty entries (FootageReader's payload limit when found): half a million, each a record
        ByteBuffer many = ByteBuffer.allocate(4 << 20);
        while (many.hasRemaining()) {
            many.put("STMP".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 'J').put((byte) 8)
                    .putShort((short) 0);
        }
        parse(many.array(), many.capacity(), "half a million empty entries");
        assertThat(valid + typed).isEqualTo(5);
    }

    /**
     * Parses and summarizes the first {@code length} bytes, every accessor exercised; scores the
     * outcome. A parse over the allocation bound is measured once more, so the JVM's one-time costs
     * (an error path's call sites linked on first use) do not count.
     */
    private void parse(byte[] d, int length, String what) {
        long bound = (long) ALLOC_FACTOR * length + ALLOC_SLACK;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        if (attempt(d, length, what)) {
            valid++;
        } else {
            typed++;
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > bound) {
            before = THREADS.getCurrentThreadAllocatedBytes();
            attempt(d, length, what);
            allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        }
        if (allocated > bound) {
            throw new AssertionError(what + ": allocated " + allocated + " bytes for a " + length + "-byte payload");
        }
    }

    /** {@code true} for entries, {@code false} for a typed error; anything else fails naming {@code what}. */
    private static boolean attempt(byte[] d, int length, String what) {
        try {
            List<Klv> klv = GpmfParser.parse(ByteBuffer.wrap(d, 0, length));
            exercise(klv);
            GpmfSummary s = GpmfSummary.of(klv);
            s.gpsLocked();
            s.devices().forEach(dev -> dev.streams().forEach(String::length));
            return true;
        } catch (FootageFormatException e) {
            assertThat(e.getMessage()).as(what).isNotBlank();
            return false;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t + " escaped the GPMF reader", t);
        }
    }

    private static void exercise(List<Klv> klv) {
        for (Klv k : klv) {
            k.text();
            k.firstInteger();
            k.child("STNM");
            exercise(k.children());
        }
    }

    private void patch(byte[] d, int at, byte[] bytes, String what) {
        int n = Math.min(bytes.length, d.length - at);
        byte[] old = Arrays.copyOfRange(d, at, at + n);
        System.arraycopy(bytes, 0, d, at, n);
        parse(d, d.length, "KLV at " + at + ": " + what);
        System.arraycopy(old, 0, d, at, n);
    }

    /** The header offset of every KLV of a well-formed payload, nested ones included. */
    private static List<Integer> klvs(byte[] d) {
        List<Integer> out = new ArrayList<>();
        klvs(ByteBuffer.wrap(d), 0, d.length, out);
        return out;
    }

    private static void klvs(ByteBuffer b, int from, int to, List<Integer> out) {
        int at = from;
        while (at + 8 <= to && b.getInt(at) != 0) {
            out.add(at);
            int length = (b.get(at + 5) & 0xFF) * (b.getShort(at + 6) & 0xFFFF);
            if (b.get(at + 4) == 0) {
                klvs(b, at + 8, Math.min(to, at + 8 + length), out);
            }
            at += 8 + ((length + 3) & ~3);
        }
    }
}
