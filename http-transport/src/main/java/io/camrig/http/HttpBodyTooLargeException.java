package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A response body (other than a media download) was larger than {@link
 * HttpOptions#maxBodyBytes()}: the announced {@code Content-Length} was over the cap, or the
 * streamed (chunked) body passed it. The request is cancelled and the bytes received so far are
 * released, so a camera cannot make camrig buffer an unbounded body. Permanent: asking again gets
 * the same body. The message never carries body content.
 */
public class HttpBodyTooLargeException extends PermanentCamrigException {
    private final long limitBytes;

    /**
     * @param limitBytes the cap that was exceeded, in bytes
     */
    public HttpBodyTooLargeException(String message, String camera, String operation, long limitBytes) {
        super(message, camera, operation, null);
        this.limitBytes = limitBytes;
    }

    /** The cap that was exceeded, in bytes. */
    public long limitBytes() {
        return limitBytes;
    }
}
