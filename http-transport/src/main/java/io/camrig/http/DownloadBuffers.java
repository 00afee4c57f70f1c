package io.camrig.http;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.nio.ByteBuffer;
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
    private final ArrayBlockingQueue<ByteBuffer> idle;
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
        if (initialCapacity != size) {
            return toLeakAwareBuffer(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
        }
        taken.incrementAndGet();
        ByteBuffer memory = idle.poll();
        if (memory == null) {
            memory = ByteBuffer.allocateDirect(size);
        } else {
            reused.incrementAndGet();
            memory.clear();
        }
        outstanding.incrementAndGet();
        return toLeakAwareBuffer(new Reused(this, memory, maxCapacity));
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

    private void giveBack(ByteBuffer memory) {
        outstanding.decrementAndGet();
        idle.offer(memory);     // when full, dropped: the JDK frees it once unreachable
    }

    /**
     * A buffer over reused memory. When its capacity changes (Netty reallocates, e.g. a decoder
     * growing it), it no longer holds that memory and frees what it holds instead.
     */
    private static final class Reused extends UnpooledDirectByteBuf {
        private final DownloadBuffers owner;
        private final ByteBuffer memory;
        private boolean moved;

        Reused(DownloadBuffers owner, ByteBuffer memory, int maxCapacity) {
            super(owner, memory, maxCapacity);
            this.owner = owner;
            this.memory = memory;
            clear();    // Netty's wrapping constructor marks the whole memory readable
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
            if (moved) {
                owner.outstanding.decrementAndGet();
                super.deallocate();
            } else {
                owner.giveBack(memory);
            }
        }
    }
}
