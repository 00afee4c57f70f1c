package io.camrig.http;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The allocator media download connections read with: socket reads of the largest size ({@link
 * HttpExchange#MAX_CHUNK_BYTES}, what a download's reads grow to) reuse direct buffers an
 * earlier read gave back, instead of a new direct buffer that the JDK zeroes and frees after
 * every read. Other sizes (the first reads of a response, request headers) are Netty's plain
 * unpooled buffers.
 *
 * <p>Why: under {@code -Xmx} below 512 MB (the offload runs with 16 MB) Netty 4.2's default
 * adaptive allocator pools nothing above 16 896 bytes, so each 256 KiB read took a new zeroed
 * direct buffer: 21% of the event loop's CPU samples with 8 cameras (BENCHMARKS.md, "Offload:
 * the download path, session 11"). Netty's {@code PooledByteBufAllocator}, tried first, frees a
 * chunk as soon as it empties and allocates (and zeroes) a new one for the next read when the
 * chunk holds only a few such buffers, which cost more than it saved.
 *
 * <p>Footprint: at most {@value #KEPT} idle buffers are kept ({@value #KEPT} x 256 KiB); a
 * buffer given back beyond that is freed as before. The buffers in use at once are those of the
 * downloads running (per download: the read being written plus at most {@link
 * HashingStage#IN_FLIGHT} waiting for the hash), as without reuse. A reused buffer is handed out
 * with its reader and writer indexes at 0; its old bytes are overwritten by the next read and
 * are never readable. Thread-safe: buffers are taken on event loops and given back on hashing
 * threads.
 */
final class DownloadBuffers extends AbstractByteBufAllocator {
    /** Idle buffers kept for reuse, at most. */
    static final int KEPT = 16;

    private static final DownloadBuffers SHARED = new DownloadBuffers(HttpExchange.MAX_CHUNK_BYTES, KEPT);

    private final int size;
    private final ArrayBlockingQueue<Reused> idle;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();

    /**
     * @param size the capacity of the buffers that are reused, in bytes
     * @param kept how many idle ones to keep at most
     */
    DownloadBuffers(int size, int kept) {
        super(true);
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(kept);
    }

    /** The allocator of every download connection. */
    static DownloadBuffers shared() {
        return SHARED;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        if (initialCapacity != size || maxCapacity != Integer.MAX_VALUE) {
            return toLeakAwareBuffer(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
        }
        taken.incrementAndGet();
        outstanding.incrementAndGet();
        Reused buffer = idle.poll();
        if (buffer == null) {
            buffer = new Reused(this, size);
        } else {
            reused.incrementAndGet();
            buffer.reuse();
        }
        return toLeakAwareBuffer(buffer);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return toLeakAwareBuffer(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** Buffers of the reused size handed out since start. */
    long taken() {
        return taken.get();
    }

    /** Of those, the ones served from a buffer given back earlier. */
    long reused() {
        return reused.get();
    }

    /** Buffers of the reused size handed out and not yet released. */
    long outstanding() {
        return outstanding.get();
    }

    /** Idle buffers kept now. */
    int idle() {
        return idle.size();
    }

    /**
     * A direct buffer that, when released for the last time, goes back to the idle list instead
     * of freeing its memory; freed (by Netty, at once) when the list is full or when its capacity
     * changed (Netty reallocated it, e.g. a decoder growing it).
     */
    private static final class Reused extends UnpooledDirectByteBuf {
        private final DownloadBuffers owner;
        private boolean moved;

        Reused(DownloadBuffers owner, int size) {
            super(owner, size, Integer.MAX_VALUE);
            this.owner = owner;
        }

        /** Makes a given-back buffer new: one reference, nothing readable, nothing written. */
        void reuse() {
            resetRefCnt();
            clear();
            markReaderIndex();
            markWriterIndex();
        }

        @Override
        public ByteBuf capacity(int newCapacity) {
            if (newCapacity != capacity()) {
                moved = true;
            }
            return super.capacity(newCapacity);
        }

        @Override
        protected void deallocate() {
            owner.outstanding.decrementAndGet();
            if (moved || !owner.idle.offer(this)) {
                super.deallocate();
            }
        }
    }
}
