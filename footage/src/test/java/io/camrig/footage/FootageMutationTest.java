package io.camrig.footage;

import static io.camrig.footage.testutil.Mp4Bytes.ascii;
import static io.camrig.footage.testutil.Mp4Bytes.box;
import static io.camrig.footage.testutil.Mp4Bytes.concat;
import static io.camrig.footage.testutil.Mp4Bytes.u32;
import static io.camrig.footage.testutil.Mp4Bytes.u64;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.footage.testutil.MediaSamples;
import io.camrig.footage.testutil.Mp4Bytes;
import io.camrig.footage.testutil.Mp4Bytes.At;
import io.camrig.footage.testutil.Verdicts;
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
 * Damaged and hostile MP4s through {@link FootageReader}: the real HERO5 recording (karma.mp4, moov
 * after mdat) and two GoPro-like files in the simulator's layout (moov before mdat; one with
 * {@code stco}, one with {@code co64} and a 64-bit {@code mdat} size), cut short at every box
 * boundary, with every box's size, type, table counts and key fields overwritten, boxes removed and
 * duplicated, random bytes overwritten (seeded), and bombs (box counts, nesting, tables far larger
 * than their box). Each read must give facts or a {@code FootageFormatException} within bounded
 * reads and allocation ({@link Verdicts}); every test is held to a wall-clock limit, so a read that
 * does not end fails the test.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FootageMutationTest {
    private static final long SEED = 0x5EED_0018_0004L;
    private static final Set<String> TABLES = Set.of("stsd", "stts", "stsc", "stsz", "stco", "co64", "stss", "elst",
            "dref");
    private static final long[] SIZES_32 = {0, 1, 2, 7, 8, 9, 15, 16, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFF8L,
            0xFFFF_FFFFL};
    private static final long[] SIZES_64 = {0, 1, 8, 15, 16, 17, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
            0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -8, Long.MAX_VALUE - 7};
    private static final long[] COUNTS = {0, 1, 2, 3, 0x3FFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};

    private static Map<String, byte[]> files;

    @BeforeAll
    static void files() throws Exception {
        byte[] gpmf = Files.readAllBytes(MediaSamples.require("hero6.raw"));
        files = new LinkedHashMap<>();
        files.put("karma.mp4", Files.readAllBytes(MediaSamples.require("karma.mp4")));
        files.put("gopro-like stco", Mp4Bytes.goproLike(1_106_808, 2, gpmf, false));
        files.put("gopro-like co64", Mp4Bytes.goproLike(1_106_808, 2, gpmf, true));
        Verdicts warmUp = new Verdicts();
        for (var f : files.entrySet()) {
            for (int i = 0; i < 20; i++) {   // class loading and the JIT's own allocations, before measuring
                warmUp.read(f.getValue(), f.getValue().length, f.getKey());
            }
            assertThat(warmUp.read(f.getValue(), f.getValue().length, f.getKey()))
                    .as("%s unmutated", f.getKey()).satisfies(x -> {
                        assertThat(x.timecode()).isPresent();
                        assertThat(x.telemetry()).isPresent();
                    });
        }
    }

    @Test
    void everyCutAtABoxBoundaryOrElsewhereIsFactsOrATypedError() {
        Random rnd = new Random(SEED);
        Verdicts v = new Verdicts();
        for (var f : files.entrySet()) {
            byte[] d = f.getValue();
            Set<Integer> cuts = new TreeSet<>();
            for (At b : Mp4Bytes.walk(d)) {
                for (int k : new int[] {0, 1, 4, 7, 8, 9, 12, 15, 16, 17, 20, 24, 25, 28, 32, 36}) {
                    cuts.add(b.offset() + k);
                }
                cuts.add((int) b.end() - 1);
                cuts.add((int) b.end());
            }
            for (int i = 0; i < 300; i++) {
                cuts.add(rnd.nextInt(d.length));
            }
            cuts.removeIf(c -> c < 0 || c > d.length);
            for (int cut : cuts) {
                v.read(d, cut, f.getKey() + " cut at " + cut);
            }
        }
        assertThat(v.typed()).isPositive();
        assertThat(v.valid()).as("a cut in the unread mdat filler leaves moov-first files readable").isPositive();
    }

    @Test
    void everyBoxSizeOverwrittenIncluding64BitSizesIsFactsOrATypedError() {
        Verdicts v = new Verdicts();
        for (var f : files.entrySet()) {
            byte[] d = f.getValue().clone();
            for (At b : Mp4Bytes.walk(d)) {
                long left = parentEnd(d, b) - b.offset();
                List<Long> sizes = new ArrayList<>();
                for (long s : SIZES_32) {
                    sizes.add(s);
                }
                sizes.addAll(List.of(b.size() - 1, b.size() + 1, left, left + 1, b.header() - 1L));
                for (long s : sizes) {
                    patch(d, b.offset(), u32(s), () -> v.read(d, d.length, f.getKey() + " " + b.type() + "@"
                            + b.offset() + " size " + s));
                }
                if (b.offset() + 16 <= d.length) {
                    List<Long> large = new ArrayList<>();
                    for (long s : SIZES_64) {
                        large.add(s);
                    }
                    large.addAll(List.of(b.size(), b.size() + 16, left, left + 1, 0x1_0000_0000L + b.size()));
                    for (long s : large) {
                        patch(d, b.offset(), concat(u32(1), ascii(b.type()), u64(s)), () -> v.read(d, d.length,
                                f.getKey() + " " + b.type() + "@" + b.offset() + " largesize " + s));
                    }
                }
            }
        }
        assertThat(v.typed()).isPositive();
        assertThat(v.valid()).isPositive();
    }

    @Test
    void tableCountsVersionsAndTimecodeFieldsOverwrittenAreFactsOrATypedError() {
        Verdicts v = new Verdicts();
        int length;
        for (var f : files.entrySet()) {
            byte[] d = f.getValue().clone();
            length = d.length;
            for (At b : Mp4Bytes.walk(d)) {
                List<int[]> fields = new ArrayList<>();   // {offset, width}
                if (TABLES.contains(b.type())) {
                    fields.add(new int[] {b.body() + 4, 4});   // entry count (stsz: the fixed sample size)
                    fields.add(new int[] {b.body() + 8, b.type().equals("co64") ? 8 : 4});   // first entry or stsz count
                    fields.add(new int[] {b.body() + 12, 4});
                }
                if (Set.of("mvhd", "mdhd", "hdlr", "stsz", "stco", "co64", "stsd", "tkhd").contains(b.type())) {
                    fields.add(new int[] {b.body(), 1});   // version
                }
                if (b.type().equals("tmcd") && b.size() >= 34) {
                    for (int at : new int[] {12, 16, 20}) {
                        fields.add(new int[] {b.body() + at, 4});   // flags, timescale, frame duration
                    }
                    fields.add(new int[] {b.body() + 24, 1});   // number of frames
                }
                for (int[] field : fields) {
                    if (field[0] + field[1] > b.end()) {
                        continue;
                    }
                    List<Long> values = new ArrayList<>();
                    for (long c : COUNTS) {
                        values.add(c);
                    }
                    values.addAll(List.of((long) length, length - 1L, length - 4L, b.size(), b.size() / 4));
                    if (field[1] == 8) {
                        values.addAll(List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, -4L));
                    }
                    for (long value : values) {
                        byte[] bytes = Arrays.copyOfRange(u64(value), 8 - field[1], 8);
                        patch(d, field[0], bytes, () -> v.read(d, d.length, f.getKey() + " " + b.type() + "@"
                                + b.offset() + " field +" + (field[0] - b.body()) + " = " + value));
                    }
                }
            }
        }
        assertThat(v.warned()).as("mutants read with a warning (a malformed track left out)").isPositive();
        assertThat(v.valid()).isPositive();
    }

    @Test
    void boxesRemovedRenamedOrDuplicatedAreFactsOrATypedError() {
        Verdicts v = new Verdicts();
        for (var f : files.entrySet()) {
            byte[] d = f.getValue().clone();
            for (At b : Mp4Bytes.walk(d)) {
                for (String type : List.of("free", "\0\0\0\0", "\u00ff\u00fe\u00fd\u00fc", "trak", "moov", "mvhd",
                        "udta", "tmcd", "stbl", "mdat")) {
                    patch(d, b.offset() + 4, ascii(type), () -> v.read(d, d.length, f.getKey() + " " + b.type()
                            + "@" + b.offset() + " renamed"));
                }
                if (b.ancestors().isEmpty() || b.header() != 8) {
                    continue;
                }
                byte[] copy = Arrays.copyOfRange(d, b.offset(), (int) b.end());
                byte[] twice = Mp4Bytes.insert(d, (int) b.end(), copy, b.ancestors());
                v.read(twice, twice.length, f.getKey() + " " + b.type() + "@" + b.offset() + " duplicated");
                byte[] first = Mp4Bytes.insert(d, b.ancestors().get(b.ancestors().size() - 1) + 8, copy,
                        b.ancestors());
                v.read(first, first.length, f.getKey() + " " + b.type() + "@" + b.offset() + " copied first");
            }
        }
        assertThat(v.typed()).isPositive();
        assertThat(v.valid()).isPositive();
    }

    @Test
    void randomOverwritesOfTheMovieAndItsSamplesAreFactsOrATypedError() {
        Random rnd = new Random(SEED + 1);
        Verdicts v = new Verdicts();
        for (var f : files.entrySet()) {
            byte[] d = f.getValue().clone();
            At moov = Mp4Bytes.walk(d).stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow();
            for (int i = 0; i < 2500; i++) {
                int n = 1 + rnd.nextInt(8);
                int[] at = new int[n];
                byte[] old = new byte[n];
                for (int k = 0; k < n; k++) {
                    at[k] = rnd.nextInt(8) == 0 ? rnd.nextInt(d.length) : moov.offset() + rnd.nextInt((int) moov.size());
                    old[k] = d[at[k]];
                }
                for (int k = 0; k < n; k++) {
                    d[at[k]] = (byte) (rnd.nextInt(4) == 0 ? 0xFF : rnd.nextInt(256));
                }
                v.read(d, d.length, f.getKey() + " random overwrite #" + i + " at " + Arrays.toString(at));
                for (int k = n - 1; k >= 0; k--) {
                    d[at[k]] = old[k];
                }
            }
        }
        assertThat(v.typed()).isPositive();
        assertThat(v.valid()).isPositive();
    }

    @Test
    void everyByteOfASmallMovieOverwrittenIsFactsOrATypedError() {
        Verdicts v = new Verdicts();
        for (var f : files.entrySet()) {
            byte[] d = f.getValue().clone();
            if (d.length > 1 << 16) {
                continue;   // karma.mp4 is covered by the random overwrites
            }
            At mdat = Mp4Bytes.walk(d).stream().filter(b -> b.type().equals("mdat")).findFirst().orElseThrow();
            for (int at = 0; at < mdat.body() + 4 + 64; at++) {   // ftyp, moov, mdat's header, tmcd sample, GPMF's head
                byte old = d[at];
                for (int value : new int[] {0x00, 0xFF, 0x80, 0x7F, old ^ 0x01, old ^ 0x40}) {
                    d[at] = (byte) value;
                    v.read(d, d.length, f.getKey() + " byte " + at + " = " + value);
                }
                d[at] = old;
            }
        }
        assertThat(v.typed()).isPositive();
        assertThat(v.valid()).isPositive();
    }

    @Test
    void boxCountNestingAndTableBombsEndQuicklyWithinBoundedAllocation() {
        Verdicts v = new Verdicts();
        byte[] ftyp = box("ftyp", ascii("mp41"), u32(0), ascii("mp41"));
        byte[] mvhd = Mp4Bytes.mvhd(3_974_177_730L, 90_000, 270_000);
        // a million empty boxes in moov before its mvhd, and in udta
        byte[] empties = repeat(concat(u32(8), ascii("free")), 1 << 20);
        read(v, concat(ftyp, box("moov", empties, mvhd)), "a million boxes in moov");
        read(v, concat(ftyp, box("moov", mvhd, box("udta", empties))), "a million boxes in udta");
        // a million 8-byte top-level boxes
        read(v, concat(ftyp, empties), "a million top-level boxes");
        // udta nested 100 000 deep, every level declaring the rest
        int depth = 100_000;
        ByteBuffer nest = ByteBuffer.allocate(depth * 8);
        for (int i = 0; i < depth; i++) {
            nest.putInt((depth - i) * 8).put(ascii(i % 2 == 0 ? "udta" : "trak"));
        }
        read(v, concat(ftyp, box("moov", mvhd, nest.array())), "boxes nested 100 000 deep");
        // traks of the least size that parses, as many as fit in 8 MiB
        byte[] stbl = box("stbl");
        byte[] tinyTrak = box("trak", box("mdia", box("mdhd", new byte[24]), box("minf", stbl)));
        read(v, concat(ftyp, box("moov", mvhd, repeat(tinyTrak, (8 << 20) / tinyTrak.length))), "150 000 traks");
        // a 1 KB file whose tables claim 4 G entries each
        byte[] hog = Mp4Bytes.trak("tmcd", "GoPro TCD", Mp4Bytes.tmcdEntry(2, 30000, 1001, 30), 4, 0, false);
        for (String table : List.of("stsd", "stsz", "stco", "stts", "stsc")) {
            int at = indexOf(hog, table);
            ByteBuffer.wrap(hog).putInt(at + 8, -1);
        }
        byte[] kilobyte = concat(ftyp, box("moov", mvhd, hog));
        Verdicts small = new Verdicts();
        small.read(kilobyte, kilobyte.length, "tables claiming 4 G entries");
        assertThat(kilobyte.length).isLessThan(1024);
        assertThat(small.mostAllocated()).as("bytes allocated reading a %d-byte file that claims 4 G entries",
                kilobyte.length).isLessThan(256 << 10);
        assertThat(v.total()).isEqualTo(5);
        assertThat(v.mostAllocated()).as("bytes allocated by the worst read").isLessThan(64L << 20);
    }

    private static void read(Verdicts v, byte[] file, String what) {
        v.read(file, file.length, what);
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static int indexOf(byte[] d, String type) {
        byte[] t = ascii(type);
        for (int i = 4; i + 4 <= d.length; i++) {
            if (Arrays.equals(d, i, i + 4, t, 0, 4)) {
                return i - 4;
            }
        }
        throw new IllegalArgumentException(type);
    }

    /** Where the box's parent ends (the file's end for a top-level box). */
    private static long parentEnd(byte[] d, At b) {
        if (b.ancestors().isEmpty()) {
            return d.length;
        }
        int parent = b.ancestors().get(b.ancestors().size() - 1);
        return parent + Integer.toUnsignedLong(ByteBuffer.wrap(d).getInt(parent));
    }

    /** Runs {@code read} with {@code bytes} written at {@code at} (cut at the array's end), then restores. */
    private static void patch(byte[] d, int at, byte[] bytes, Runnable read) {
        int n = Math.min(bytes.length, d.length - at);
        if (n <= 0) {
            return;
        }
        byte[] old = Arrays.copyOfRange(d, at, at + n);
        System.arraycopy(bytes, 0, d, at, n);
        try {
            read.run();
        } finally {
            System.arraycopy(old, 0, d, at, n);
        }
    }
}
