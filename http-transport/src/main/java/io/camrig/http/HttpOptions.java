package io.camrig.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link CameraHttpClient}; change them with the copy-on-write {@code
 * with…} methods.
 *
 * <p>Defaults ({@link #defaults()}):
 * <ul>
 *   <li>{@code connectTimeout} 5 s: time allowed to open the TCP connection (millisecond
 *       resolution). A camera whose Wi-Fi is up answers in well under a second.</li>
 *   <li>{@code responseTimeout} 10 s: the longest silence allowed between two reads of a response
 *       (millisecond resolution), from the request being sent until the last byte. It is an idle
 *       timeout, not a total one, so a long download is fine while bytes keep coming.</li>
 *   <li>{@code progressStepBytes} 64 KiB: a download emits at most one {@link DownloadProgress}
 *       per this many bytes written, plus the final one.</li>
 * </ul>
 *
 * @param connectTimeout TCP connect timeout, positive, at most {@link Integer#MAX_VALUE} ms
 * @param responseTimeout maximum silence while waiting for or reading a response, positive
 * @param progressStepBytes minimum bytes between two progress items, at least 1
 * @throws IllegalArgumentException from the constructor when a value is out of range
 */
public record HttpOptions(Duration connectTimeout, Duration responseTimeout, int progressStepBytes) {

    /** Default connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default response (idle read) timeout: 10 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default progress step: 64 KiB. */
    public static final int DEFAULT_PROGRESS_STEP_BYTES = 64 * 1024;

    private static final HttpOptions DEFAULTS =
            new HttpOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_PROGRESS_STEP_BYTES);

    public HttpOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout must fit in an int of milliseconds");
        }
        if (progressStepBytes < 1) {
            throw new IllegalArgumentException("progressStepBytes must be >= 1, was " + progressStepBytes);
        }
    }

    /** The documented defaults: 5 s connect, 10 s response, 64 KiB progress step. */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with another TCP connect timeout. */
    public HttpOptions withConnectTimeout(Duration timeout) {
        return new HttpOptions(timeout, responseTimeout, progressStepBytes);
    }

    /** A copy with another response (idle read) timeout. */
    public HttpOptions withResponseTimeout(Duration timeout) {
        return new HttpOptions(connectTimeout, timeout, progressStepBytes);
    }

    /** A copy with another progress step, in bytes. */
    public HttpOptions withProgressStepBytes(int bytes) {
        return new HttpOptions(connectTimeout, responseTimeout, bytes);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
