package io.camrig.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of one media download ({@link io.camrig.http.client.CameraHttpClient#download(io.camrig.http.model.MediaFile,
 * java.nio.file.Path, DownloadOptions)}); change them with the copy-on-write {@code with…} methods.
 *
 * <p>Defaults ({@link #defaults()}):
 * <ul>
 *   <li>{@code deadline} none ({@link Duration#ZERO}): when positive, the whole download, resumes
 *       included, must end within it, else {@link DownloadDeadlineException}.</li>
 *   <li>{@code minBytesPerSecond} 32 KiB/s over a {@code minRateWindow} of 30 s: a camera that
 *       sends fewer bytes than {@code minBytesPerSecond × window} in any full window fails with
 *       {@link DownloadTooSlowException} (a camera that sends nothing at all is caught earlier by
 *       {@link HttpOptions#responseTimeout()}). 0 disables the check. A camera's AP gives several
 *       MB/s, so the default only catches a link that is as good as dead.</li>
 *   <li>{@code existing} {@link ExistingFilePolicy#RENAME}: a different file already at the
 *       target is never replaced.</li>
 *   <li>{@code durable} {@code true}: the file is forced to disk ({@code fsync}) before it is
 *       reported complete, so "verified" survives a power cut; while it streams, its writeback is
 *       started every {@link #WRITEBACK_STEP_BYTES} bytes, so that final {@code fsync} finds at
 *       most that much left to write.</li>
 * </ul>
 * The partial file of a download that fails transiently, times out or is cancelled is kept under
 * its known name ({@link #partName(String)}) and resumed by the next download of the same file.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is out of range.
 *
 * @param deadline overall time allowed, resumes included; {@link Duration#ZERO} for none; never negative
 * @param minBytesPerSecond the lowest acceptable rate in bytes per second, 0 to disable; never negative
 * @param minRateWindow how long the rate is measured over, positive
 * @param existing what to do when the target name is taken by another file
 * @param durable force the file to disk before reporting it complete
 */
public record DownloadOptions(Duration deadline, long minBytesPerSecond, Duration minRateWindow,
        ExistingFilePolicy existing, boolean durable) {

    /**
     * Bytes a durable download writes between two early {@code fdatasync}s of its partial file:
     * 16 MiB. The commit's {@code fsync} then waits for at most this much (measured: ≈ 60 ms at
     * 64 MiB, the step before; BENCHMARKS.md, "Offload: what the measured window holds").
     */
    public static final long WRITEBACK_STEP_BYTES = 16L << 20;

    /** Default minimum rate: 32 KiB/s. */
    public static final long DEFAULT_MIN_BYTES_PER_SECOND = 32 * 1024;
    /** Default window over which the minimum rate is measured: 30 s. */
    public static final Duration DEFAULT_MIN_RATE_WINDOW = Duration.ofSeconds(30);

    private static final DownloadOptions DEFAULTS = new DownloadOptions(Duration.ZERO, DEFAULT_MIN_BYTES_PER_SECOND,
            DEFAULT_MIN_RATE_WINDOW, ExistingFilePolicy.RENAME, true);

    public DownloadOptions {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(minRateWindow, "minRateWindow");
        Objects.requireNonNull(existing, "existing");
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must not be negative, was " + deadline);
        }
        if (minBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBytesPerSecond must be >= 0, was " + minBytesPerSecond);
        }
        if (minRateWindow.isZero() || minRateWindow.isNegative()) {
            throw new IllegalArgumentException("minRateWindow must be positive, was " + minRateWindow);
        }
    }

    /** No deadline, 32 KiB/s over 30 s, rename on a name clash, durable. */
    public static DownloadOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with another overall deadline ({@link Duration#ZERO}: none). */
    public DownloadOptions withDeadline(Duration d) {
        return new DownloadOptions(d, minBytesPerSecond, minRateWindow, existing, durable);
    }

    /** A copy with another minimum rate (0 disables) measured over {@code window}. */
    public DownloadOptions withMinRate(long bytesPerSecond, Duration window) {
        return new DownloadOptions(deadline, bytesPerSecond, window, existing, durable);
    }

    /** A copy with another policy for a target name that is already taken. */
    public DownloadOptions withExisting(ExistingFilePolicy policy) {
        return new DownloadOptions(deadline, minBytesPerSecond, minRateWindow, policy, durable);
    }

    /** A copy that does ({@code true}) or does not force the file to disk before completing. */
    public DownloadOptions withDurable(boolean force) {
        return new DownloadOptions(deadline, minBytesPerSecond, minRateWindow, existing, force);
    }

    /** {@code true} when a deadline is set. */
    public boolean hasDeadline() {
        return !deadline.isZero();
    }

    /**
     * The name of the partial file of a download whose target is named {@code fileName}, in the
     * target's directory: {@code .<fileName>.camrig-part}. A later download of the same target
     * resumes from it.
     */
    public static String partName(String fileName) {
        return "." + fileName + ".camrig-part";
    }
}
