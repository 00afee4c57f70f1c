package io.camrig.simulator.media;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What every byte of a simulated card's file holds: the MP4 head the card stored for a recording
 * ({@link RecordedVideos}), then the filler (all of it for a photo, a group member, a
 * low-resolution video or a RAW version). Byte {@code i} of the filler of file {@code name} on
 * camera {@code serial} is a pure function of the three, a SplitMix64 stream keyed by a hash
 * (FNV-1a) of serial and name, one 64-bit word per 8 bytes, so any offset is reached in constant
 * time and a test can recompute what it downloaded. Stateless.
 */
public final class CardContent {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private CardContent() {
    }

    /**
     * The filler of file {@code name} on camera {@code serial}: what every byte past the MP4 head
     * holds, as {@code size} bytes from offset 0 (the head then overwrites the start).
     */
    public static byte[] filler(String serial, String name, int size) {
        byte[] out = new byte[size];
        fill(serial, name, 0, out, 0, size);
        return out;
    }

    /**
     * Writes bytes {@code [offset, offset + len)} of file {@code name} on camera {@code serial}
     * into {@code dst[off…]}; content is defined for any offset (the file's size only bounds
     * reads).
     *
     * @throws IndexOutOfBoundsException when {@code off}/{@code len} do not fit {@code dst}
     */
    public static void fill(String serial, String name, long offset, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        long key = mix64(fnv1a(serial) * 31 + fnv1a(name));
        long pos = offset;
        int i = off;
        int end = off + len;
        while (i < end) {
            long word = mix64(key + ((pos >>> 3) + 1) * GOLDEN_GAMMA);
            for (int b = (int) (pos & 7); b < 8 && i < end; b++, pos++) {
                dst[i++] = (byte) (word >>> (b << 3));
            }
        }
    }

    /**
     * {@link SdCard#read} (same contract) of {@code file} on camera {@code serial}, whose stored
     * head is {@code head} (empty for none): the head's bytes, then the filler's.
     */
    static int read(String serial, byte[] head, SdCardFile file, long offset, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (len == 0) {
            return 0;
        }
        if (offset >= file.size()) {
            return -1;
        }
        int n = (int) Math.min(len, file.size() - offset);
        int fromHead = offset >= head.length ? 0 : (int) Math.min(n, head.length - offset);
        if (fromHead > 0) {
            System.arraycopy(head, (int) offset, dst, off, fromHead);
        }
        fill(serial, file.name(), offset + fromHead, dst, off + fromHead, n - fromHead);
        return n;
    }

    /** The media list id of the card of camera {@code serial} in a simulation seeded {@code seed}: a decimal number. */
    static String mediaListId(String serial, long seed) {
        return Long.toUnsignedString(mix64(seed ^ fnv1a(serial)));
    }

    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }

    /** The SplitMix64 output function. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
