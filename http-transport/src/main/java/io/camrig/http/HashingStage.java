package io.camrig.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Splits a media download over two threads: the connection's event loop reads the socket and
 * writes each Netty buffer to the partial file ({@link PartFile#write}), then hands the same
 * buffer (one more reference, no copy) to a hashing thread that runs SHA-256 over it ({@link
 * PartFile#hash}) and releases it. On a 2-core box this puts the socket read + {@code pwrite}
 * and the SHA-256 on different cores (measured in BENCHMARKS.md, "Offload at wire speed, hashing
 * off the event loop").
 *
 * <p>Order and bounds: the hand-off is Reactor's {@code publishOn} with a fixed prefetch of
 * {@value #IN_FLIGHT} buffers, so the hash sees the bytes in file order (one worker per download)
 * and at most {@value #IN_FLIGHT} buffers of at most {@link HttpExchange#MAX_CHUNK_BYTES} each are
 * held per download: when the hash lags, demand stops, Reactor Netty stops reading the socket
 * and TCP flow control holds the camera back. Errors from the connection are delivered after
 * every buffer already written has been hashed (so a resume continues a digest that covers the
 * file); a cancellation drops the queue and every buffer in it is released ({@code
 * doOnDiscard}).
 *
 * <p>Threads: a shared pool of daemon threads {@code camrig-sha256-N}, one per core, built on an
 * executor of our own so that virtual-time tests, which replace Reactor's default schedulers,
 * never capture it.
 */
final class HashingStage {
    /** Buffers one download may have written but not yet hashed. */
    static final int IN_FLIGHT = 4;

    private static final Scheduler HASHERS = Schedulers.fromExecutorService(hashers(), "camrig-sha256");

    private HashingStage() {
    }

    /** {@link #stream(Flux, PartFile, Scheduler, int)} on the shared hashing threads. */
    static Flux<DownloadProgress> stream(Flux<ByteBuf> body, PartFile part) {
        return stream(body, part, HASHERS, IN_FLIGHT);
    }

    /**
     * Writes each buffer of {@code body} to {@code part} where it arrives, then hashes it on
     * {@code hasher}, at most {@code inFlight} buffers apart.
     *
     * @param body buffers its publisher releases after {@code onNext} returns (Reactor Netty's
     *     {@code ByteBufFlux}); this stage takes one reference of its own per buffer in flight
     * @return progress items (see {@link PartFile#hash}), emitted on {@code hasher}; the errors of
     *     {@link PartFile#write} and of {@code body}
     */
    static Flux<DownloadProgress> stream(Flux<ByteBuf> body, PartFile part, Scheduler hasher, int inFlight) {
        return body.<ByteBuf>handle((chunk, sink) -> {
                    if (part.write(chunk)) {
                        sink.next(chunk.retain());
                    }
                })
                .publishOn(hasher, inFlight)
                .<DownloadProgress>handle((chunk, sink) -> {
                    try {
                        part.hash(chunk).ifPresent(sink::next);
                    } finally {
                        chunk.release();
                    }
                })
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease);
    }

    private static ExecutorService hashers() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "camrig-sha256-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
