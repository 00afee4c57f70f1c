package io.camrig.http;

/**
 * A transfer stayed below its minimum rate: averaged over a measuring window, fewer bytes per
 * second arrived than required. Meant for media downloads, whose total time grows with the file so
 * that a fixed deadline does not fit; a camera dripping bytes is cut off instead of holding the
 * download open for ever. Transient: a resume may find a faster link.
 */
public class HttpTooSlowException extends HttpTransportException {
    private final long minBytesPerSecond;
    private final long observedBytesPerSecond;

    /**
     * @param minBytesPerSecond the required rate, bytes/s
     * @param observedBytesPerSecond the rate measured over the window, bytes/s
     */
    public HttpTooSlowException(String message, String camera, String operation, long minBytesPerSecond,
            long observedBytesPerSecond, Throwable cause) {
        super(message, camera, operation, 0, cause);
        this.minBytesPerSecond = minBytesPerSecond;
        this.observedBytesPerSecond = observedBytesPerSecond;
    }

    /** The required rate, bytes/s. */
    public long minBytesPerSecond() {
        return minBytesPerSecond;
    }

    /** The rate measured over the window, bytes/s. */
    public long observedBytesPerSecond() {
        return observedBytesPerSecond;
    }
}
