package io.camrig.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link io.camrig.http.client.CameraHttpClient}; change them with the copy-on-write {@code
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
 *   <li>{@code downloadResumes} 5: how many times in a row a download is resumed (with {@code
 *       Range}) after a transient failure that brought no new byte. A resume that received bytes
 *       resets the count, so a long download survives any number of interruptions as long as
 *       each one makes progress. 0 disables resuming.</li>
 *   <li>{@code resumeBackoff} 200 ms: wait before the first resume in a row without progress;
 *       doubled for each further one, at most 5 s. A resume right after progress waits this
 *       long too.</li>
 *   <li>{@code maxBodyBytes} 4 MiB: the largest body read into memory for any request other than
 *       a media download (state, media list, JSON answers). A larger one fails with {@link
 *       HttpBodyTooLargeException} before it is buffered. A real camera's media list of a full
 *       card is a few hundred KiB.</li>
 *   <li>{@code requestDeadline} 30 s: the longest a request other than a media download may take
 *       in all, from sending it to the last byte of the answer (millisecond resolution). Past it
 *       the request fails with {@link HttpDeadlineException}, however steadily bytes drip in.</li>
 * </ul>
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is out of range.
 *
 * @param connectTimeout TCP connect timeout, positive, at most {@link Integer#MAX_VALUE} ms
 * @param responseTimeout maximum silence while waiting for or reading a response, positive
 * @param progressStepBytes minimum bytes between two progress items, at least 1
 * @param downloadResumes resumes in a row without progress, 0..100
 * @param resumeBackoff first wait before a resume, zero or positive, at most 1 minute
 * @param maxBodyBytes largest non-download body in bytes, 1 KiB..1 GiB
 * @param requestDeadline overall deadline of a non-download request, positive
 */
public record HttpOptions(Duration connectTimeout, Duration responseTimeout, int progressStepBytes,
        int downloadResumes, Duration resumeBackoff, int maxBodyBytes, Duration requestDeadline) {

    /** Default connect timeout: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default response (idle read) timeout: 10 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default progress step: 64 KiB. */
    public static final int DEFAULT_PROGRESS_STEP_BYTES = 64 * 1024;
    /** Default resumes in a row without progress: 5. */
    public static final int DEFAULT_DOWNLOAD_RESUMES = 5;
    /** Default first resume backoff: 200 ms. */
    public static final Duration DEFAULT_RESUME_BACKOFF = Duration.ofMillis(200);
    /** The longest wait between two resumes: 5 s. */
    public static final Duration MAX_RESUME_BACKOFF = Duration.ofSeconds(5);
    /** Default cap on a non-download body: 4 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** Default overall deadline of a non-download request: 30 s. */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

    private static final HttpOptions DEFAULTS = new HttpOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT,
            DEFAULT_PROGRESS_STEP_BYTES, DEFAULT_DOWNLOAD_RESUMES, DEFAULT_RESUME_BACKOFF, DEFAULT_MAX_BODY_BYTES,
            DEFAULT_REQUEST_DEADLINE);

    public HttpOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout must fit in an int of milliseconds");
        }
        if (progressStepBytes < 1) {
            throw new IllegalArgumentException("progressStepBytes must be >= 1, was " + progressStepBytes);
        }
        if (downloadResumes < 0 || downloadResumes > 100) {
            throw new IllegalArgumentException("downloadResumes must be 0..100, was " + downloadResumes);
        }
        Objects.requireNonNull(resumeBackoff, "resumeBackoff");
        if (resumeBackoff.isNegative() || resumeBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("resumeBackoff must be 0..1 min, was " + resumeBackoff);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > (1 << 30)) {
            throw new IllegalArgumentException("maxBodyBytes must be 1 KiB..1 GiB, was " + maxBodyBytes);
        }
        requirePositive(requestDeadline, "requestDeadline");
    }

    /** Timeouts and progress step as given; resumes and backoff at their defaults. */
    public HttpOptions(Duration connectTimeout, Duration responseTimeout, int progressStepBytes) {
        this(connectTimeout, responseTimeout, progressStepBytes, DEFAULT_DOWNLOAD_RESUMES, DEFAULT_RESUME_BACKOFF,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_DEADLINE);
    }

    /**
     * The documented defaults: 5 s connect, 10 s response, 64 KiB step, 5 resumes, 200 ms backoff,
     * 4 MiB bodies, 30 s request deadline.
     */
    public static HttpOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with another TCP connect timeout. */
    public HttpOptions withConnectTimeout(Duration timeout) {
        return new HttpOptions(timeout, responseTimeout, progressStepBytes, downloadResumes, resumeBackoff, maxBodyBytes,
                requestDeadline);
    }

    /** A copy with another response (idle read) timeout. */
    public HttpOptions withResponseTimeout(Duration timeout) {
        return new HttpOptions(connectTimeout, timeout, progressStepBytes, downloadResumes, resumeBackoff, maxBodyBytes,
                requestDeadline);
    }

    /** A copy with another progress step, in bytes. */
    public HttpOptions withProgressStepBytes(int bytes) {
        return new HttpOptions(connectTimeout, responseTimeout, bytes, downloadResumes, resumeBackoff, maxBodyBytes,
                requestDeadline);
    }

    /** A copy that resumes a download at most {@code resumes} times in a row without progress. */
    public HttpOptions withDownloadResumes(int resumes) {
        return new HttpOptions(connectTimeout, responseTimeout, progressStepBytes, resumes, resumeBackoff, maxBodyBytes,
                requestDeadline);
    }

    /** A copy with another first resume backoff. */
    public HttpOptions withResumeBackoff(Duration backoff) {
        return new HttpOptions(connectTimeout, responseTimeout, progressStepBytes, downloadResumes, backoff, maxBodyBytes,
                requestDeadline);
    }

    /** A copy with another cap on non-download bodies, in bytes. */
    public HttpOptions withMaxBodyBytes(int bytes) {
        return new HttpOptions(connectTimeout, responseTimeout, progressStepBytes, downloadResumes, resumeBackoff, bytes,
                requestDeadline);
    }

    /** A copy with another overall deadline for non-download requests. */
    public HttpOptions withRequestDeadline(Duration deadline) {
        return new HttpOptions(connectTimeout, responseTimeout, progressStepBytes, downloadResumes, resumeBackoff,
                maxBodyBytes, deadline);
    }

    /** The wait before resume number {@code stalls} in a row without progress (0-based). */
    Duration backoff(int stalls) {
        long millis = resumeBackoff.toMillis() << Math.min(stalls, 16);
        return Duration.ofMillis(Math.min(millis, MAX_RESUME_BACKOFF.toMillis()));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
