package io.camrig.simulator.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults a {@link VirtualCameraHttpServer} injects into requests from the moment they are set;
 * immutable, with copy-on-write {@code with…} methods. {@link #NONE} injects nothing.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on a negative delay, a status outside
 * 100..599 (other than 0), a cut below -1, or a count of 0 or below -1.
 *
 * @param responseDelay wait before answering any request (real time), zero for none
 * @param forcedStatus when non-zero, every request is answered with this HTTP status and an
 *     empty body instead of its normal answer (for example 503, a busy camera)
 * @param cutAfterBytes when {@code >= 0}, a download sends its headers (full {@code
 *     Content-Length}) and at most this many body bytes, then closes the connection; -1 for none
 * @param cutDownloads how many downloads, from the moment these faults are set, are cut: a
 *     positive count, or -1 for every one
 * @param stallAfterBytes when {@code >= 0}, a download sends its headers (full {@code
 *     Content-Length}) and at most this many body bytes, then stalls: the connection stays open and
 *     nothing more is sent until {@link VirtualCameraHttpServer#releaseStalls()} or until other
 *     faults are set, then the rest follows (a camera that drips, then hangs); -1 for none. Every
 *     download that starts while these faults are set stalls the same way, a resumed one too.
 */
public record HttpFaults(Duration responseDelay, int forcedStatus, long cutAfterBytes, int cutDownloads,
        long stallAfterBytes) {
    /** No fault. */
    public static final HttpFaults NONE = new HttpFaults(Duration.ZERO, 0, -1, -1, -1);

    public HttpFaults {
        Objects.requireNonNull(responseDelay, "responseDelay");
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("responseDelay must be >= 0");
        }
        if (forcedStatus != 0 && (forcedStatus < 100 || forcedStatus > 599)) {
            throw new IllegalArgumentException("forcedStatus must be 0 or 100..599, was " + forcedStatus);
        }
        if (cutAfterBytes < -1) {
            throw new IllegalArgumentException("cutAfterBytes must be >= -1, was " + cutAfterBytes);
        }
        if (cutDownloads == 0 || cutDownloads < -1) {
            throw new IllegalArgumentException("cutDownloads must be positive or -1, was " + cutDownloads);
        }
        if (stallAfterBytes < -1) {
            throw new IllegalArgumentException("stallAfterBytes must be >= -1, was " + stallAfterBytes);
        }
    }

    /** Faults that cut the next {@code cutDownloads} downloads (-1: every one) after {@code cutAfterBytes}; no stall. */
    public HttpFaults(Duration responseDelay, int forcedStatus, long cutAfterBytes, int cutDownloads) {
        this(responseDelay, forcedStatus, cutAfterBytes, cutDownloads, -1);
    }

    /** Faults that cut every download after {@code cutAfterBytes} (-1: none). */
    public HttpFaults(Duration responseDelay, int forcedStatus, long cutAfterBytes) {
        this(responseDelay, forcedStatus, cutAfterBytes, -1);
    }

    /** A copy that delays every answer. */
    public HttpFaults withResponseDelay(Duration delay) {
        return new HttpFaults(delay, forcedStatus, cutAfterBytes, cutDownloads, stallAfterBytes);
    }

    /** A copy that answers every request with {@code status} (0 restores normal answers). */
    public HttpFaults withForcedStatus(int status) {
        return new HttpFaults(responseDelay, status, cutAfterBytes, cutDownloads, stallAfterBytes);
    }

    /** A copy that cuts every download after {@code bytes} body bytes (-1 for never). */
    public HttpFaults withCutAfterBytes(long bytes) {
        return new HttpFaults(responseDelay, forcedStatus, bytes, -1, stallAfterBytes);
    }

    /**
     * A copy that cuts the next {@code times} downloads after {@code bytes} body bytes each, then
     * lets downloads through: a camera whose Wi-Fi drops a few times.
     */
    public HttpFaults withCutDownloads(int times, long bytes) {
        return new HttpFaults(responseDelay, forcedStatus, bytes, times, stallAfterBytes);
    }

    /**
     * A copy whose downloads stall after {@code bytes} body bytes (-1 for never) until {@link
     * VirtualCameraHttpServer#releaseStalls()}: a camera whose Wi-Fi hangs mid-file, for tests
     * that must act while a download is under way ({@link VirtualCameraHttpServer#stalled()} tells
     * when one is).
     */
    public HttpFaults withStallAfterBytes(long bytes) {
        return new HttpFaults(responseDelay, forcedStatus, cutAfterBytes, cutDownloads, bytes);
    }
}
