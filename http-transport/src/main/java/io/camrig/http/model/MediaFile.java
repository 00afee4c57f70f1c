package io.camrig.http.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One single (not grouped) media file on the camera's SD card: a video, a photo, a raw file.
 * Implements the {@code SingleMediaListItem} schema of {@code GET /gopro/media/list}
 * (Open GoPro HTTP API 2.0, operation {@code OGP_MEDIA_LIST}).
 *
 * <p>The camera sends every number as a JSON string ({@code "s": "4194304"}); {@link
 * io.camrig.http.MediaListDecoder} parses them into these components. The file is downloaded
 * from {@code GET /videos/DCIM/{directory}/{name}} ({@code OGP_DOWNLOAD_MEDIA}).
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a name is empty, {@code "."},
 * {@code ".."} or contains {@code '/'}, {@code '\'} or a control character, or the size is
 * negative other than {@link #SIZE_NOT_LISTED}.
 * <p>The constructor throws {@link NullPointerException} when a component is null.
 *
 * @param directory the directory on the card, for example {@code 100GOPRO} (key {@code d} of the
 *     enclosing entry); case sensitive
 * @param name the file name, for example {@code GX010001.MP4} (key {@code n}); case sensitive,
 *     never contains a path separator
 * @param size the file's size in bytes (key {@code s}); at least 0, or {@link #SIZE_NOT_LISTED}
 *     for a group's member, whose size the list does not give
 * @param created creation time, whole seconds since the epoch (key {@code cre})
 * @param modified last modification time, whole seconds since the epoch (key {@code mod})
 * @param lowResolutionSize the size in bytes of the file's low-resolution video ({@code .LRV}
 *     companion; key {@code glrv}, else {@code ls}), or -1 when the camera lists none
 * @param raw {@code true} when the camera lists the photo with {@code "raw": "1"} (schema {@code
 *     SingleMediaListItem}): it keeps a RAW version beside it, {@code <stem>.GPR} in the same
 *     folder, which the list does not name ({@link #rawName()})
 */
public record MediaFile(String directory, String name, long size, Instant created, Instant modified,
        long lowResolutionSize, boolean raw) {

    /**
     * The size of a file the media list does not give ({@link GroupMember#asFile()}): a download
     * learns it from the response ({@code Content-Length}, or the total of a {@code
     * Content-Range}). Never in a file {@link MediaList#files()} lists.
     */
    public static final long SIZE_NOT_LISTED = -1;

    /** Newest last: by modification time, then creation time, then directory, then name. */
    public static final Comparator<MediaFile> BY_AGE = Comparator.comparing(MediaFile::modified)
            .thenComparing(MediaFile::created)
            .thenComparing(MediaFile::directory)
            .thenComparing(MediaFile::name);

    /** A file without a low-resolution companion listed. */
    public MediaFile(String directory, String name, long size, Instant created, Instant modified) {
        this(directory, name, size, created, modified, -1);
    }

    /** A file without a RAW version. */
    public MediaFile(String directory, String name, long size, Instant created, Instant modified,
            long lowResolutionSize) {
        this(directory, name, size, created, modified, lowResolutionSize, false);
    }

    /**
     * The name of the RAW version of a photo listed with {@code raw}: its name with the extension
     * {@code .GPR} ({@code GOPR0039.JPG} → {@code GOPR0039.GPR}), as GoPro stores RAW photos
     * (GoPro's GPR format; the spec's media list marks such a photo but does not name the file, and
     * the official SDK's test vectors of lists from cameras show the mark on the JPG's entry and no
     * entry for the GPR). Empty
     * for a file without {@code raw} or without an extension.
     */
    public java.util.Optional<String> rawName() {
        int dot = name.lastIndexOf('.');
        return raw && dot > 0 ? java.util.Optional.of(name.substring(0, dot) + ".GPR") : java.util.Optional.empty();
    }

    public MediaFile {
        lowResolutionSize = Math.max(-1, lowResolutionSize);
        requirePathSegment(directory, "directory");
        requirePathSegment(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
        if (size < SIZE_NOT_LISTED) {
            throw new IllegalArgumentException("size must be >= 0 bytes (or SIZE_NOT_LISTED), was " + size);
        }
    }

    /**
     * Checks that {@code value} is usable as one path segment on the camera and on the local disk.
     *
     * @throws IllegalArgumentException when it is empty, {@code "."}, {@code ".."} or contains a
     *     path separator or a control character
     */
    static String requirePathSegment(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " is not a file name: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " contains a path separator or control character");
            }
        }
        return value;
    }
}
