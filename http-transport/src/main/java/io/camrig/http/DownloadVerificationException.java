package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A downloaded media file is not the size the camera announced in its media list ({@code s}, in
 * bytes): the response's {@code Content-Length} differs, or the body carried more or fewer bytes
 * than expected. The temporary file is deleted and no file appears under the final name.
 *
 * <p>A connection that closes before the declared {@code Content-Length} arrived is an {@link
 * HttpTransportException} (transient), not this error. Endpoint: {@code GET
 * /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}).
 */
public class DownloadVerificationException extends PermanentCamrigException {
    private final long expectedBytes;
    private final long actualBytes;

    /**
     * @param expectedBytes the size the camera announced, in bytes
     * @param actualBytes the size seen (declared length or bytes received), in bytes
     */
    public DownloadVerificationException(
            String message, String camera, String operation, long expectedBytes, long actualBytes) {
        super(message, camera, operation, null);
        this.expectedBytes = expectedBytes;
        this.actualBytes = actualBytes;
    }

    /** The size the camera announced, in bytes. */
    public long expectedBytes() {
        return expectedBytes;
    }

    /** The size actually declared or received, in bytes. */
    public long actualBytes() {
        return actualBytes;
    }
}
