package io.camrig.http;

/**
 * What a download does when its target name already holds a file. A file with the same size and
 * SHA-256 as the download is always kept as it is ({@link DownloadResult.Disposition#IDENTICAL});
 * a different one is never replaced.
 */
public enum ExistingFilePolicy {
    /** Keep the other file; the download lands as {@code NAME~1.EXT} (the first free number). */
    RENAME,
    /** Keep the other file; the download fails with {@link DownloadTargetExistsException}. */
    REFUSE
}
