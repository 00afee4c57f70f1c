package io.camrig.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts a durable download's disk writeback while it is still streaming: after every {@value
 * #STEP_BYTES} bytes written, one {@code fdatasync} ({@link FileChannel#force(boolean) force(false)})
 * of the partial file runs on a bounded-elastic thread, so that the {@code fsync} before the file
 * is placed ({@link PartFile#commit()}) finds little left to write instead of the whole file.
 * Measured on a 1 GiB download: the final flush alone took 1.1–1.8 s (BENCHMARKS.md, "Offload at
 * wire speed, hashing off the event loop").
 *
 * <p>Never more than one flush per file at a time; a flush that fails (the file was closed by a
 * cancellation, or the disk refused) is ignored here: the final {@code fsync} in {@link
 * PartFile#commit()} still runs and reports the error. Appends only, so the event loop's next
 * {@code pwrite} goes to pages the flush does not hold.
 */
final class EarlyWriteback {
    /** Bytes written between two flushes ({@link DownloadOptions#WRITEBACK_STEP_BYTES}). */
    static final long STEP_BYTES = DownloadOptions.WRITEBACK_STEP_BYTES;

    private final FileChannel channel;
    private final Scheduler scheduler;
    private final AtomicBoolean running = new AtomicBoolean();
    private long requestedAt;

    EarlyWriteback(FileChannel channel, long writtenAlready) {
        this(channel, writtenAlready, Schedulers.boundedElastic());
    }

    EarlyWriteback(FileChannel channel, long writtenAlready, Scheduler scheduler) {
        this.channel = channel;
        this.requestedAt = writtenAlready;
        this.scheduler = scheduler;
    }

    /** After a write reaching {@code written} bytes (on the writing thread, one at a time). */
    void written(long written) {
        if (written - requestedAt < STEP_BYTES || !running.compareAndSet(false, true)) {
            return;
        }
        requestedAt = written;
        scheduler.schedule(() -> {
            try {
                channel.force(false);
            } catch (IOException | RuntimeException ignored) {
                // closed by a cancellation, or refused: commit's own fsync reports a real failure
            } finally {
                running.set(false);
            }
        });
    }

    /** Starts over from byte 0 (the file was emptied). */
    void restart() {
        requestedAt = 0;
    }
}
