package io.camrig.simulator.media;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The videos one simulated SD card recorded ({@link SdCard#videos()}), by file name: each
 * chapter's MP4 head (the only bytes a card stores, under 1 KiB: {@link Mp4Writer}), how long it
 * lasts and the size the camera recorded (what its media info reports even when the listing is
 * cut short). A recording of video {@code nnnn} is one file per chapter, {@code GXccnnnn.MP4} for
 * chapter {@code cc} ({@link #splitChaptersAt}); each has a low-resolution companion {@code
 * GLccnnnn.LRV} ({@link #lowResolution}). Thread-safe.
 */
public final class RecordedVideos {
    /** A real camera's chapter size: about its 4 GB file limit ({@link #splitChaptersAt}). */
    public static final long DEFAULT_CHAPTER_BYTES = 4_000_000_000L;

    /** One chapter file as recorded. */
    private record Video(byte[] head, Duration length, long size) {
    }

    private final String directory;
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private volatile long chapterBytes = DEFAULT_CHAPTER_BYTES;

    /** @param directory the directory every recording goes to */
    RecordedVideos(String directory) {
        this.directory = directory;
    }

    /**
     * From the next recording on, splits each recording into chapters of at most {@code bytes}
     * bytes, as a GoPro splits a video at its 4 GB file limit (Open GoPro HTTP API 2.0, tag
     * "Media", section "Chapters"): {@code GX01nnnn.MP4}, {@code GX02nnnn.MP4} … sharing the media
     * id {@code nnnn}, each a valid MP4 whose {@code tmcd} start frame continues where the chapter
     * before ended and whose {@code mvhd} duration is its own part (the recording's length shared in
     * proportion to the bytes), listed as created when it starts. At most 99 chapters: the last
     * takes what is left. The default, {@value #DEFAULT_CHAPTER_BYTES} bytes, is over any size a
     * simulated recording can have, so recordings stay one file.
     *
     * @throws IllegalArgumentException when {@code bytes} is below 1
     */
    public void splitChaptersAt(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chapter size must be >= 1 byte, was " + bytes);
        }
        chapterBytes = bytes;
    }

    /** The chapter size in bytes ({@link #splitChaptersAt}). */
    public long chapterBytes() {
        return chapterBytes;
    }

    /**
     * Writes the heads of video {@code number}, {@code sizeBytes} split at the chapter size:
     * each chapter an MP4 of its own whose timecode starts where the chapter before ended, sized
     * its share of the bytes (or its head's size, when larger), listed as created when it starts
     * (whole seconds).
     *
     * @return the chapter files in order; not yet on the card
     */
    List<SdCardFile> record(int number, Instant when, RecordingFacts facts, long sizeBytes) {
        List<SdCardFile> out = new ArrayList<>();
        for (Chapters.Chapter c : Chapters.split(sizeBytes, chapterBytes, facts.length())) {
            // Each chapter is an MP4 of its own: its timecode starts where the chapter before ended.
            RecordingFacts part = new RecordingFacts(facts.model(), facts.firmware(), facts.cameraId(),
                    facts.encodingStart().plus(c.start()), c.length());
            byte[] head = Mp4Writer.head(part, c.bytes());
            String name = String.format("GX%02d%04d.MP4", c.number(), number);
            SdCardFile file = new SdCardFile(directory, name, Math.max(c.bytes(), head.length),
                    when.plus(c.start()).truncatedTo(ChronoUnit.SECONDS));
            videos.put(name, new Video(head, part.length(), file.size()));
            out.add(file);
        }
        return out;
    }

    /** The MP4 head of {@code name}; empty for a file that is no recorded video. */
    byte[] head(String name) {
        Video v = videos.get(name);
        return v == null ? new byte[0] : v.head();
    }

    /** The size the camera recorded for {@code file} (its media info's {@code s}); its listed size unless truncated. */
    public long recordedSize(SdCardFile file) {
        Video v = videos.get(file.name());
        return v == null ? file.size() : v.size();
    }

    /** How long {@code file} recorded (its media info's {@code dur}, its {@code mvhd} duration); zero for no video. */
    public Duration length(SdCardFile file) {
        Video v = videos.get(file.name());
        return v == null ? Duration.ZERO : v.length();
    }

    /**
     * The low-resolution video ({@code .LRV}) the camera keeps beside a recording {@code GXnnnnnn.MP4}:
     * {@code GLnnnnnn.LRV} in the same directory, a sixteenth of its size (at least 1 KiB), listed
     * only as the recording's {@code glrv} size and downloaded like any file.
     */
    public Optional<SdCardFile> lowResolution(SdCardFile video) {
        String n = video.name();
        if (!n.startsWith("GX") || !n.endsWith(".MP4") || !videos.containsKey(n)) {
            return Optional.empty();
        }
        return Optional.of(new SdCardFile(video.directory(), "GL" + n.substring(2, n.length() - 4) + ".LRV",
                Math.max(1024, video.size() / 16), video.created()));
    }

    /** Forgets the video named {@code name} (deleted). */
    void forget(String name) {
        videos.remove(name);
    }

    void clear() {
        videos.clear();
    }
}
