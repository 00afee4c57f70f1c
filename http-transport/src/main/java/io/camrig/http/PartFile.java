package io.camrig.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The partial file one download writes to: {@code .<name>.camrig-part} beside the target (same
 * directory, so placing it is atomic), filled chunk by chunk while a SHA-256 ({@link
 * StreamingDigest}) runs over the same bytes, verified against the announced size, then placed
 * under the target name without ever replacing another file ({@link FilePlacement}).
 *
 * <p>A file whose size is not listed (a group member's: {@code expected} -1) learns it from the
 * first response ({@link #learn}) before any byte is written; from then on it is checked as any.
 *
 * <p>Resuming: a partial file left by an earlier download (cancelled, killed, timed out) is
 * reopened and continued: {@link #written()} says where the next request starts ({@code Range:
 * bytes=written-}); its bytes are hashed once when it is reopened. {@link #restart()} empties it
 * when the camera answers with the whole file instead. {@link #close()} keeps it for a later
 * resume; {@link #discard()} deletes it (its content is wrong). Created with the default
 * permissions, so media follow the user's umask.
 *
 * <p>Threads: {@link #open} and {@link #commit} block on the disk, call them on a
 * bounded-elastic thread; {@link #write} runs on the connection's event loop (one positional
 * write of Netty's buffer, no copy, no allocation); {@link #hash} runs after it, in file order, on
 * the hashing stage's thread ({@link HashingStage}). Writes are synchronized so a cancel waits for
 * one in progress; hashing has its own lock so it never holds up the next write.
 */
final class PartFile {
    private final Path target;
    private final Path part;
    private volatile long expected;     // written under this; -1 until learned when the list gives no size
    private final int step;
    private final String camera;
    private final String operation;
    private final DownloadOptions options;
    private final LongSupplier nanoClock;
    private final FileChannel channel;
    private final StreamingDigest digest;
    private final EarlyWriteback writeback;    // null when not durable
    private long written;
    private long lastReported;    // guarded by digest
    private long windowStart;
    private long windowBytes;
    private boolean finished;

    private PartFile(Path target, Path part, FileChannel channel, StreamingDigest digest, long written, long expected,
            int step, String camera, String operation, DownloadOptions options, LongSupplier nanoClock) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        this.digest = digest;
        this.written = written;
        this.lastReported = written;
        this.expected = expected;
        this.step = step;
        this.camera = camera;
        this.operation = operation;
        this.options = options;
        this.nanoClock = nanoClock;
        this.writeback = options.durable() ? new EarlyWriteback(channel, written) : null;
    }

    /**
     * Creates the target's directory if needed and opens its partial file: a new empty one, or
     * the one an earlier download left (hashed once here; emptied when longer than the file).
     *
     * @param nanoClock monotonic nanoseconds, for the minimum-rate check
     * @throws DownloadStorageException when the directory or file cannot be created or read
     */
    static PartFile open(Path target, long expectedBytes, int progressStep, String camera, String operation,
            DownloadOptions options, LongSupplier nanoClock) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path part = dir.resolve(DownloadOptions.partName(absolute.getFileName().toString()));
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            StreamingDigest digest = new StreamingDigest();
            long have = channel.size();
            if (expectedBytes >= 0 && have > expectedBytes) {
                channel.truncate(0);
                have = 0;
            } else {
                digest.hashExisting(channel, have);
            }
            channel.position(have);
            PartFile file = new PartFile(absolute, part, channel, digest, have, expectedBytes, progressStep, camera,
                    operation, options, nanoClock);
            file.startWindow();
            return file;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DownloadStorageException("cannot open the partial file in " + dir, camera, operation, e);
        }
    }

    /** Bytes on disk so far. */
    synchronized long written() {
        return written;
    }

    /** Bytes still expected; -1 while the size is not known ({@link #learn}). */
    synchronized long remaining() {
        return expected < 0 ? -1 : expected - written;
    }

    /** The file's size in bytes, or -1 while not known. */
    long expected() {
        return expected;
    }

    /**
     * Takes {@code total} as the file's size when it was not known (a group member's, which the
     * media list does not give): from the response's {@code Content-Length} or {@code
     * Content-Range}. Once known, it never changes: a later response must agree (the caller checks).
     *
     * @throws DownloadVerificationException when the partial file already holds more bytes
     *     (it is not a start of this file)
     */
    synchronized void learn(long total) {
        if (expected >= 0) {
            return;
        }
        if (total < written) {
            throw new DownloadVerificationException("the camera's file is " + total + " bytes but the partial file "
                    + "holds " + written, camera, operation, total, written);
        }
        expected = total;
    }

    /** The partial file's path. */
    Path path() {
        return part;
    }

    /** Starts a new minimum-rate window (at each request, so waiting between resumes is not counted). */
    synchronized void startWindow() {
        windowStart = nanoClock.getAsLong();
        windowBytes = written;
    }

    /**
     * Empties the file to start over from byte 0 (the camera ignored a {@code Range}).
     *
     * @throws DownloadStorageException when the disk refuses
     */
    synchronized void restart() {
        try {
            channel.truncate(0);
            channel.position(0);
        } catch (IOException e) {
            throw new DownloadStorageException("cannot truncate " + part, camera, operation, e);
        }
        synchronized (digest) {
            digest.reset();
            lastReported = 0;
        }
        written = 0;
        if (writeback != null) {
            writeback.restart();
        }
        startWindow();
    }

    /**
     * Appends every readable byte of {@code chunk} (which the caller still owns and releases),
     * straight from Netty's buffer into the file channel; the chunk is not consumed, and must
     * then be passed to {@link #hash} in the same order.
     *
     * @return {@code false} when the file is already closed (the chunk was not written and must
     *     not be hashed)
     * @throws DownloadVerificationException when the chunk would exceed the announced size
     * @throws DownloadTooSlowException when a full window passed below the minimum rate
     * @throws DownloadStorageException when the disk refuses the bytes
     */
    synchronized boolean write(ByteBuf chunk) {
        if (finished) {
            return false;
        }
        int n = chunk.readableBytes();
        if (expected < 0 || written + n > expected) {
            throw new DownloadVerificationException("camera sent more than the announced " + expected + " bytes",
                    camera, operation, expected, written + n);
        }
        int index = chunk.readerIndex();
        try {
            int done = 0;
            while (done < n) {
                done += chunk.getBytes(index + done, channel, written + done, n - done);
            }
        } catch (IOException e) {
            throw new DownloadStorageException("cannot write " + part, camera, operation, e);
        }
        written += n;
        if (writeback != null) {
            writeback.written(written);
        }
        checkRate();
        return true;
    }

    /**
     * Hashes a chunk {@link #write} wrote, in the order written (the caller still owns and
     * releases it).
     *
     * @return a progress item (bytes written and hashed) when at least one step of bytes passed
     *     since the last one and the file is not yet complete; the complete item comes from
     *     {@link #commit()} only
     */
    Optional<DownloadProgress> hash(ByteBuf chunk) {
        long total = expected();
        synchronized (digest) {
            long hashed = digest.update(chunk);
            if (hashed - lastReported >= step && hashed < total) {
                lastReported = hashed;
                return Optional.of(new DownloadProgress(hashed, total));
            }
            return Optional.empty();
        }
    }

    private void checkRate() {
        long min = options.minBytesPerSecond();
        if (min == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        long window = options.minRateWindow().toNanos();
        long elapsed = now - windowStart;
        if (elapsed < window) {
            return;
        }
        long got = written - windowBytes;
        if (got * 1_000_000_000.0 / elapsed < min) {
            throw new DownloadTooSlowException(camera, operation, got, elapsed / 1_000_000, min);
        }
        windowStart = now;
        windowBytes = written;
    }

    /**
     * Verifies the size, forces the file to disk (when durable) and places it: under the target
     * name when free, nowhere when the target already holds the same bytes, else as the policy
     * says.
     *
     * @return the complete progress item with its {@link DownloadResult}
     * @throws DownloadVerificationException when fewer bytes than announced arrived (the partial
     *     file is deleted)
     * @throws DownloadTargetExistsException when the target differs and the policy refuses
     * @throws DownloadStorageException when flushing or placing fails
     */
    synchronized DownloadProgress commit() {
        if (expected < 0 || written != expected) {
            discard();
            throw new DownloadVerificationException(
                    "received " + written + " of the announced " + expected + " bytes",
                    camera, operation, expected, written);
        }
        if (digest.hashed() != written) {
            // a hashing stage that lost or repeated a chunk: never place a file whose hash is wrong
            discard();
            throw new DownloadVerificationException("hashed " + digest.hashed() + " of the " + written
                    + " bytes written", camera, operation, expected, digest.hashed());
        }
        String sha = digest.finish();
        try {
            if (options.durable()) {
                channel.force(true);
            }
            channel.close();
            finished = true;
            DownloadResult result = FilePlacement.place(part, target, expected, sha, options.existing(), camera, operation);
            return new DownloadProgress(expected, expected, result);
        } catch (IOException e) {
            throw new DownloadStorageException("cannot place the download at " + target, camera, operation, e);
        }
    }

    /**
     * Closes the file and keeps it for a later resume (an empty one is deleted: nothing to
     * resume); idempotent, never throws.
     */
    synchronized void close() {
        if (!finished) {
            finished = true;
            closeQuietly(channel);
            if (written == 0) {
                deleteQuietly();
            }
        }
    }

    /** Closes and deletes the file (its content is known wrong); idempotent, never throws. */
    synchronized void discard() {
        close();
        deleteQuietly();
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // best effort: a leftover part file never carries the final name and is resumed or restarted later
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was promised about a channel being closed after an error
        }
    }
}
