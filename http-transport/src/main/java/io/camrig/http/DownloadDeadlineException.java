package io.camrig.http;

import io.camrig.proto.error.TransientCamrigException;

/**
 * A download did not end within {@link DownloadOptions#deadline()} (resumes included), whatever
 * the rate. The partial file is kept and a later download resumes it. Transient. Endpoint: {@code
 * GET /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}).
 */
public class DownloadDeadlineException extends TransientCamrigException {
    private final long deadlineMillis;
    private final long bytesDone;

    /**
     * @param deadlineMillis the deadline, ms
     * @param bytesDone bytes on disk when it passed
     */
    public DownloadDeadlineException(String camera, String operation, long deadlineMillis, long bytesDone) {
        super("not complete within the " + deadlineMillis + " ms deadline (" + bytesDone + " bytes kept for a resume)",
                camera, operation, null);
        this.deadlineMillis = deadlineMillis;
        this.bytesDone = bytesDone;
    }

    /** The deadline, ms. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    /** Bytes kept in the partial file. */
    public long bytesDone() {
        return bytesDone;
    }
}
