package io.camrig.simulator.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a simulated recording splits into chapters, as a GoPro splits a video at its file limit
 * (Open GoPro HTTP API 2.0, tag "Media", section "Chapters"): every chapter but the last is {@code
 * chapterBytes} long, the last holds the rest; a chapter's time is its share of the bytes, so
 * chapter N starts where chapter N-1 ended. At most {@value #MAX} chapters: the last takes
 * whatever is left (what a real camera does past 99 chapters is not documented).
 */
final class Chapters {
    /** The highest chapter number a name can carry ({@code GX99nnnn.MP4}). */
    static final int MAX = 99;

    /**
     * One chapter.
     *
     * @param number 1 to {@value #MAX}
     * @param bytes its share of the recording, in bytes
     * @param start when it starts, from the recording's start
     * @param length how long it lasts
     */
    record Chapter(int number, long bytes, Duration start, Duration length) {
    }

    private Chapters() {
    }

    /**
     * @param totalBytes the recording's size, at least 0
     * @param chapterBytes the largest chapter, at least 1
     * @param length the recording's length
     * @return the chapters in order; one when the recording fits in one
     */
    static List<Chapter> split(long totalBytes, long chapterBytes, Duration length) {
        if (chapterBytes < 1) {
            throw new IllegalArgumentException("chapterBytes must be >= 1, was " + chapterBytes);
        }
        long count = Math.min(MAX, Math.max(1, (totalBytes + chapterBytes - 1) / chapterBytes));
        List<Chapter> out = new ArrayList<>();
        long nanos = length.toNanos();
        for (int k = 1; k <= count; k++) {
            long before = (k - 1) * chapterBytes;
            long bytes = k == count ? totalBytes - before : chapterBytes;
            long from = share(nanos, before, totalBytes);
            long to = k == count ? nanos : share(nanos, before + bytes, totalBytes);
            out.add(new Chapter(k, bytes, Duration.ofNanos(from), Duration.ofNanos(to - from)));
        }
        return out;
    }

    /** {@code nanos × part / whole}, exact for any recording a card holds (no overflow). */
    private static long share(long nanos, long part, long whole) {
        return whole == 0 ? 0 : java.math.BigInteger.valueOf(nanos).multiply(java.math.BigInteger.valueOf(part))
                .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
    }
}
