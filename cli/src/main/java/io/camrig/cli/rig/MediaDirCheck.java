package io.camrig.cli.rig;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The check made before anything is recorded or fetched: that the media directory exists (or can
 * be made), takes a new file, and has room for what the take will produce. A problem is one
 * sentence with the operating system's reason ("Read-only file system", "permission denied"), so
 * that a take is refused before it is shot rather than lost at download. Blocking: command line only.
 */
public final class MediaDirCheck {
    /**
     * The highest video bit rate of the HERO cameras Open GoPro drives (HERO12 Black's high bit rate:
     * 120 Mbit/s), in bytes per second: what a real camera may write per second of video.
     */
    public static final long MAX_VIDEO_BYTES_PER_SECOND = 120_000_000L / 8;

    private MediaDirCheck() {
    }

    /** What {@code cameras} real cameras may record in {@code cycles} takes of {@code duration}, in bytes. */
    public static long estimateRealTake(Duration duration, int cameras, int cycles) {
        long perFile = Math.max(1, duration.toMillis()) * MAX_VIDEO_BYTES_PER_SECOND / 1000;
        return perFile * cameras * cycles;
    }

    /**
     * Why {@code dir} cannot take {@code bytes} of media, or empty when it can. Creates {@code dir}
     * when missing (as the download would), and writes and deletes one empty file in it.
     */
    public static Optional<String> problem(Path dir, long bytes) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Optional.of("cannot create " + dir + ": " + reason(e));
        }
        try {
            Path probe = Files.createTempFile(dir, ".camrig-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return Optional.of("cannot write in " + dir + ": " + reason(e));
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < bytes) {
                return Optional.of(dir + " has " + human(free) + " free; the take needs about " + human(bytes));
            }
        } catch (IOException e) {
            return Optional.of("cannot tell the free space of " + dir + ": " + reason(e));
        }
        return Optional.empty();
    }

    /** The operating system's reason for {@code e}, e.g. {@code Read-only file system}. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Bytes for people: {@code 512 B}, {@code 4.0 MB}, {@code 3.2 GB} (powers of 1000). */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
