package io.camrig.http;

import io.netty.buffer.ByteBuf;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Splits a media download over two threads: the connection's event loop reads the socket and
 * writes each Netty buffer to the partial file ({@link PartFile#write}), then queues the same
 * buffer (one more reference, no copy) for a hashing thread that runs SHA-256 over it ({@link
 * PartFile#hash}) and releases it. On a 2-core box this puts the socket read + {@code pwrite}
 * and the SHA-256 on different cores (BENCHMARKS.md, "Offload at wire speed, hashing off the
 * event loop").
 *
 * <p>Flow control is the connection's own, not Reactor's demand: the body is asked for
 * everything at once, so Reactor Netty hands each buffer straight to {@link #onNext} on the event
 * loop (its fast path, no queue, no request task per step), and this stage pauses the socket
 * reads ({@link ReadGate#pause()}) when {@code inFlight} buffers of at most {@link
 * HttpExchange#MAX_CHUNK_BYTES} each are written but not yet hashed, and resumes them ({@link
 * ReadGate#resume()}) once the hash is down to half of that. While reads are paused TCP flow
 * control holds the camera back. The read loop already under way may add one buffer past the
 * mark.
 *
 * <p>Order and errors: one queue per download, drained by one hashing task at a time, so the hash
 * sees the bytes in file order. Errors (the connection's, or {@link PartFile#write}'s, which
 * cancels the body) are delivered after every buffer already written has been hashed, so a resume
 * continues a digest that covers the file. A cancellation cancels the body (Reactor Netty closes
 * the connection) and releases every queued buffer. The subscriber's demand still holds the
 * download back: while it has requested no more progress items ({@link PartFile#hash}, one per
 * progress step), nothing more is hashed, so the queue reaches the mark and the reads pause.
 *
 * <p>Threads: a shared pool of daemon threads {@code camrig-sha256-N}, one per core, built on an
 * executor of our own so that virtual-time tests, which replace Reactor's default schedulers,
 * never capture it.
 */
final class HashingStage implements CoreSubscriber<ByteBuf>, Runnable {
    /** Buffers one download may have written but not yet hashed before its reads pause. */
    static final int IN_FLIGHT = 4;

    private static final Scheduler HASHERS = Schedulers.fromExecutorService(hashers(), "camrig-sha256");

    private final PartFile part;
    private final ReadGate gate;
    private final Scheduler hasher;
    private final int high;
    private final int low;
    private final FluxSink<DownloadProgress> sink;
    private final Queue<ByteBuf> queue = Queues.<ByteBuf>unbounded(16).get();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile Subscription upstream;
    private volatile boolean cancelled;
    private volatile boolean done;
    private Throwable error;     // written before done
    private boolean terminated;  // drain only

    private HashingStage(PartFile part, ReadGate gate, Scheduler hasher, int inFlight, FluxSink<DownloadProgress> sink) {
        this.part = part;
        this.gate = gate;
        this.hasher = hasher;
        this.high = inFlight;
        this.low = inFlight / 2;
        this.sink = sink;
    }

    /** {@link #stream(Flux, PartFile, ReadGate, Scheduler, int)} on the shared hashing threads. */
    static Flux<DownloadProgress> stream(Flux<ByteBuf> body, PartFile part, ReadGate gate) {
        return stream(body, part, gate, HASHERS, IN_FLIGHT);
    }

    /**
     * Writes each buffer of {@code body} to {@code part} where it arrives, then hashes it on
     * {@code hasher}, pausing {@code gate} while {@code inFlight} buffers wait for their hash.
     *
     * @param body buffers its publisher releases after {@code onNext} returns (Reactor Netty's
     *     {@code ByteBufFlux}); subscribed with unbounded demand; this stage takes one reference
     *     of its own per buffer in flight
     * @param gate the reads of the connection delivering {@code body}
     * @return progress items (see {@link PartFile#hash}), emitted on {@code hasher}; the errors of
     *     {@link PartFile#write} and of {@code body}
     */
    static Flux<DownloadProgress> stream(Flux<ByteBuf> body, PartFile part, ReadGate gate, Scheduler hasher,
            int inFlight) {
        return Flux.create(sink -> {
            HashingStage stage = new HashingStage(part, gate, hasher, inFlight, sink);
            sink.onCancel(stage::cancel);
            sink.onRequest(n -> stage.drain());
            body.subscribe(stage);
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    public void onSubscribe(Subscription s) {
        upstream = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(ByteBuf chunk) {
        if (done || cancelled) {
            return;     // the publisher releases it
        }
        try {
            if (!part.write(chunk)) {
                return;
            }
        } catch (RuntimeException e) {
            upstream.cancel();
            onError(e);
            return;
        }
        queue.offer(chunk.retain());
        if (held.incrementAndGet() >= high && paused.compareAndSet(false, true)) {
            gate.pause();
            if (held.get() <= low) {
                resumeReads();   // the hash caught up while the reads were being paused
            }
        }
        drain();
    }

    @Override
    public void onError(Throwable t) {
        if (done) {
            return;
        }
        error = t;
        finish();
    }

    @Override
    public void onComplete() {
        if (!done) {
            finish();
        }
    }

    private void finish() {
        done = true;
        gate.stop();
        drain();
    }

    private void cancel() {
        cancelled = true;
        Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
        drain();
    }

    private void resumeReads() {
        if (paused.compareAndSet(true, false)) {
            gate.resume();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() == 0) {
            hasher.schedule(this);
        }
    }

    /** The hashing task: hashes and releases what is queued, then ends the stream once the body has. */
    @Override
    public void run() {
        int missed = 1;
        do {
            ByteBuf chunk;
            while ((cancelled || sink.requestedFromDownstream() > 0) && (chunk = queue.poll()) != null) {
                try {
                    if (!cancelled) {
                        part.hash(chunk).ifPresent(sink::next);
                    }
                } catch (RuntimeException e) {
                    hashFailed(e);
                } finally {
                    chunk.release();
                }
                if (held.decrementAndGet() <= low) {
                    resumeReads();
                }
            }
            boolean ended = done;
            if (ended && !terminated && !cancelled && queue.isEmpty()) {
                terminated = true;
                if (error == null) {
                    sink.complete();
                } else {
                    sink.error(error);
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** The digest refused a buffer: stop reading, drop what is queued, fail the download. */
    private void hashFailed(RuntimeException e) {
        cancelled = true;
        Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
        if (!terminated) {
            terminated = true;
            sink.error(e);
        }
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
