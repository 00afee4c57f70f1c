package io.camrig.http;

/**
 * Progress of one media download ({@code GET /videos/DCIM/{directory}/{filename}}).
 *
 * <p>A download emits these at most once per {@link HttpOptions#progressStepBytes()} of data,
 * then exactly one last item carrying its {@link DownloadResult}, emitted only after the file was
 * verified (size) and is in place under its final name: {@link #complete()} means the file is
 * there, with the SHA-256 computed while it streamed.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the bounds do not hold.
 *
 * @param bytesDone bytes written to disk so far (a resumed download starts at the bytes its
 *     partial file already held), {@code 0 <= bytesDone <= totalBytes}
 * @param totalBytes the file's size in bytes as the camera announced it
 * @param result where the verified file is; {@code null} until the last item
 */
public record DownloadProgress(long bytesDone, long totalBytes, DownloadResult result) {

    public DownloadProgress {
        if (totalBytes < 0 || bytesDone < 0 || bytesDone > totalBytes) {
            throw new IllegalArgumentException("progress " + bytesDone + "/" + totalBytes + " bytes");
        }
        if (result != null && bytesDone != totalBytes) {
            throw new IllegalArgumentException("a result needs every byte, had " + bytesDone + "/" + totalBytes);
        }
    }

    /** A progress item before the file is complete. */
    public DownloadProgress(long bytesDone, long totalBytes) {
        this(bytesDone, totalBytes, null);
    }

    /** {@code true} for the last item: every byte was written, verified and is in place. */
    public boolean complete() {
        return result != null;
    }

    /** Fraction done, 0.0 to 1.0 (1.0 for an empty file). */
    public double fraction() {
        return totalBytes == 0 ? 1.0 : (double) bytesDone / totalBytes;
    }
}
