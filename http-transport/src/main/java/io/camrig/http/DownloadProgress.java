package io.camrig.http;

/**
 * Progress of one media download ({@code GET /videos/DCIM/{directory}/{filename}}).
 *
 * <p>A download emits these at most once per {@link HttpOptions#progressStepBytes()} of data,
 * then exactly one last item with {@code bytesDone == totalBytes}, emitted only after the file
 * was verified and renamed to its final name: {@link #complete()} means the file is in place.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the bounds do not hold.
 *
 * @param bytesDone bytes written to disk so far, {@code 0 <= bytesDone <= totalBytes}
 * @param totalBytes the file's size in bytes as the camera announced it
 */
public record DownloadProgress(long bytesDone, long totalBytes) {

    public DownloadProgress {
        if (totalBytes < 0 || bytesDone < 0 || bytesDone > totalBytes) {
            throw new IllegalArgumentException("progress " + bytesDone + "/" + totalBytes + " bytes");
        }
    }

    /** {@code true} for the last item: every byte was written, verified and renamed into place. */
    public boolean complete() {
        return bytesDone == totalBytes;
    }

    /** Fraction done, 0.0 to 1.0 (1.0 for an empty file). */
    public double fraction() {
        return totalBytes == 0 ? 1.0 : (double) bytesDone / totalBytes;
    }
}
