package io.camrig.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The temporary file one download writes to: created next to the target (same directory, so the
 * final rename is atomic), filled chunk by chunk, verified against the announced size, then moved
 * to the target name with {@code ATOMIC_MOVE}. On any failure or cancellation {@link #abort()}
 * closes and deletes it, so the target name only ever holds a complete, verified file.
 *
 * <p>Blocking file I/O: call {@link #create}, {@link #write} and {@link #commit} on a
 * bounded-elastic thread. Methods are synchronized so an abort waits for a write in progress.
 *
 * <p>Resuming: after an interruption the file keeps what arrived, {@link #written()} tells where
 * the next request starts ({@code Range: bytes=written-}), and {@link #restart()} empties it when
 * the camera answers with the whole file instead.
 */
final class PartFile {
    private final Path target;
    private final Path temp;
    private final long expected;
    private final int step;
    private final String camera;
    private final String operation;
    private final FileChannel channel;
    private long written;
    private long lastReported;
    private boolean finished;

    private PartFile(Path target, Path temp, FileChannel channel, long expected, int step,
            String camera, String operation) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.expected = expected;
        this.step = step;
        this.camera = camera;
        this.operation = operation;
    }

    /**
     * Creates the target's directory if needed and an empty temporary file beside the target,
     * named {@code .<name>.<random>.part}.
     *
     * @throws DownloadStorageException when the directory or file cannot be created
     */
    static PartFile create(Path target, long expectedBytes, int progressStep, String camera, String operation) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            return new PartFile(absolute, temp, channel, expectedBytes, progressStep, camera, operation);
        } catch (IOException e) {
            throw new DownloadStorageException("cannot create a temporary file in " + dir, camera, operation, e);
        }
    }

    /** Bytes written so far. */
    synchronized long written() {
        return written;
    }

    /** Bytes still expected. */
    synchronized long remaining() {
        return expected - written;
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
            throw new DownloadStorageException("cannot truncate " + temp, camera, operation, e);
        }
        written = 0;
        lastReported = 0;
    }

    /** The temporary file's path (for tests and diagnostics). */
    Path temp() {
        return temp;
    }

    /**
     * Appends every readable byte of {@code chunk} (which the caller still owns and releases).
     *
     * @return a progress item when at least one step of bytes passed since the last one and the
     *     file is not yet complete; the complete item comes from {@link #commit()} only
     * @throws DownloadVerificationException when the chunk would exceed the announced size
     * @throws DownloadStorageException when the disk refuses the bytes
     */
    synchronized Optional<DownloadProgress> write(ByteBuf chunk) {
        int n = chunk.readableBytes();
        if (written + n > expected) {
            throw new DownloadVerificationException("camera sent more than the announced " + expected + " bytes",
                    camera, operation, expected, written + n);
        }
        try {
            ByteBuffer[] buffers = chunk.nioBuffers(chunk.readerIndex(), n);
            long left = n;
            while (left > 0) {
                left -= channel.write(buffers);
            }
        } catch (IOException e) {
            throw new DownloadStorageException("cannot write " + temp, camera, operation, e);
        }
        written += n;
        if (written - lastReported >= step && written < expected) {
            lastReported = written;
            return Optional.of(new DownloadProgress(written, expected));
        }
        return Optional.empty();
    }

    /**
     * Verifies the size, flushes to disk and renames the temporary file to the target.
     *
     * @return the complete progress item
     * @throws DownloadVerificationException when fewer bytes than announced arrived
     * @throws DownloadStorageException when flushing or the atomic rename fails
     */
    synchronized DownloadProgress commit() {
        if (written != expected) {
            throw new DownloadVerificationException(
                    "received " + written + " of the announced " + expected + " bytes",
                    camera, operation, expected, written);
        }
        try {
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DownloadStorageException("cannot move the download to " + target, camera, operation, e);
        }
        finished = true;
        return new DownloadProgress(expected, expected);
    }

    /** Closes and deletes the temporary file unless committed; idempotent, never throws. */
    synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next; nothing was promised about its content
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: a leftover .part file never carries the final name
        }
    }
}
