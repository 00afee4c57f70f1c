package io.camrig.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a verified download ended up.
 *
 * @param path the file holding the bytes: the target, the existing identical file, or the
 *     renamed one
 * @param bytes the file's size in bytes, equal to the size the camera announced
 * @param sha256 SHA-256 of the bytes, 64 lowercase hex digits, computed while they streamed in
 * @param disposition whether the file was written, already there, or written under a new name
 */
public record DownloadResult(Path path, long bytes, String sha256, Disposition disposition) {

    /** How the download reached its path. */
    public enum Disposition {
        /** Written under the target name, which was free. */
        WRITTEN,
        /** The target already held the same bytes (size and SHA-256): kept, the download dropped. */
        IDENTICAL,
        /** The target held another file: kept, the download written as {@code NAME~n.EXT}. */
        RENAMED
    }

    public DownloadResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(disposition, "disposition");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
    }
}
