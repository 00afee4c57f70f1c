package io.camrig.http;

import io.camrig.proto.error.TransientCamrigException;

/**
 * A download received fewer than {@link DownloadOptions#minBytesPerSecond()} × {@link
 * DownloadOptions#minRateWindow()} bytes in one full window: the camera drips (a failing link, or
 * a hostile camera holding the client). The partial file is kept and a later download resumes
 * it. Transient: a better link can succeed. Endpoint: {@code GET
 * /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}).
 */
public class DownloadTooSlowException extends TransientCamrigException {
    private final long bytesInWindow;
    private final long windowMillis;

    /**
     * @param bytesInWindow bytes received in the window that was too slow
     * @param windowMillis the window's length, ms
     */
    public DownloadTooSlowException(String camera, String operation, long bytesInWindow, long windowMillis,
            long minBytesPerSecond) {
        super("only " + bytesInWindow + " bytes in " + windowMillis + " ms, below the minimum "
                + minBytesPerSecond + " bytes/s", camera, operation, null);
        this.bytesInWindow = bytesInWindow;
        this.windowMillis = windowMillis;
    }

    /** Bytes received in the slow window. */
    public long bytesInWindow() {
        return bytesInWindow;
    }

    /** The window's length, ms. */
    public long windowMillis() {
        return windowMillis;
    }
}
