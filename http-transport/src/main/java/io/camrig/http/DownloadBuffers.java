package io.camrig.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The buffers media downloads read into: one small pool of direct memory shared by every
 * download connection (Netty's {@link PooledByteBufAllocator} with one direct arena, no heap
 * arena and no per-thread caches), so that a read reuses memory a finished chunk gave back
 * instead of allocating and zeroing a new direct buffer.
 *
 * <p>Why: under {@code -Xmx} below 512 MB (the offload runs with 16 MB) Netty 4.2's default
 * adaptive allocator pools nothing above 16 896 bytes, so each read of up to {@link
 * HttpExchange#MAX_CHUNK_BYTES} took a new direct buffer, zeroed by the JDK, freed after hashing
 * (21% of the event loop's samples in BENCHMARKS.md, "Offload: the download path, session 11").
 *
 * <p>Footprint: memory is taken in chunks of {@value #CHUNK_BYTES} bytes (each holds four
 * 256 KiB reads) and only as many as the buffers in use at once need: per download, the read
 * being written plus at most {@link HashingStage#IN_FLIGHT} waiting for the hash; a chunk that
 * empties again is returned. Bounded overall by {@code -XX:MaxDirectMemorySize} like any direct
 * buffer. Every other request of camrig (JSON, small bodies) keeps Reactor Netty's default
 * allocator.
 */
final class DownloadBuffers {
    /** Netty's page: the pool's unit of allocation, in bytes. */
    static final int PAGE_BYTES = 8192;
    /** Chunk = page << order: 1 MiB. */
    private static final int MAX_ORDER = 7;
    /** The pool's unit of direct memory, in bytes. */
    static final int CHUNK_BYTES = PAGE_BYTES << MAX_ORDER;

    /** The shared pool: direct buffers, one arena, no thread caches. */
    static final PooledByteBufAllocator ALLOCATOR =
            new PooledByteBufAllocator(true, 0, 1, PAGE_BYTES, MAX_ORDER, 0, 0, false);

    private DownloadBuffers() {
    }

    /** The allocator download connections read with. */
    static ByteBufAllocator allocator() {
        return ALLOCATOR;
    }

    /** Buffers of the pool not yet released (for tests and diagnostics). */
    static long activeBuffers() {
        long n = 0;
        for (PoolArenaMetric arena : ALLOCATOR.metric().directArenas()) {
            n += arena.numActiveAllocations();
        }
        return n;
    }

    /** Direct memory the pool holds now, in bytes, used or free. */
    static long heldBytes() {
        return ALLOCATOR.metric().usedDirectMemory();
    }
}
