package io.camrig.engine.camera;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.error.ExchangeTimeoutException;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.CameraMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The request queue of one request characteristic (GP-0072, GP-0074, GP-0076 or GP-0091): FIFO,
 * one exchange in flight. An exchange writes its packets, then waits for the first message on the
 * response characteristic that its matcher accepts; it fails with
 * {@link ExchangeTimeoutException} when none comes in time, and with
 * {@link ConnectionClosedException} when the link goes down.
 *
 * <p>Every state change runs on the camera's serialized worker, so no locks are needed.
 */
final class ExchangeQueue {
    private final GoProUuid characteristic;
    private final GattConnection connection;
    private final Scheduler worker;
    private final String camera;
    private final Deque<Exchange> pending = new ArrayDeque<>();
    private Exchange inFlight;
    private CamrigException closedWith;

    ExchangeQueue(GoProUuid characteristic, GattConnection connection, Scheduler worker, String camera) {
        this.characteristic = characteristic;
        this.connection = connection;
        this.worker = worker;
        this.camera = camera;
    }

    /** Queues an exchange; nothing is written until the returned Mono is subscribed. */
    Mono<ExchangeResult> submit(String operation, byte[] message, Predicate<CameraMessage> matcher, Duration timeout) {
        List<byte[]> packets = PacketFragmenter.fragment(message);
        return Mono.create(sink -> {
            Exchange ex = new Exchange(operation, packets, matcher, timeout, sink::success, sink::error, null);
            sink.onCancel(() -> Confined.schedule(worker, () -> cancel(ex)));
            if (!Confined.schedule(worker, () -> enqueue(ex))) {
                sink.error(closed(operation, closedWith));
            }
        });
    }

    /**
     * Queues an armed exchange: once it is in flight (its time limit starts then) the returned Mono
     * emits an {@link ArmedShutter} whose {@link ArmedShutter#release()} writes the packets on the
     * calling thread, so a rig can issue many cameras' writes from one instant. Cancelling the
     * Mono before it emits, or disposing the armed exchange before its release, takes it out of
     * the queue at once.
     */
    Mono<ArmedShutter> arm(String operation, byte[] message, Predicate<CameraMessage> matcher, Duration timeout) {
        List<byte[]> packets = PacketFragmenter.fragment(message);
        return Mono.create(sink -> {
            Sinks.One<ExchangeResult> result = Sinks.one();
            Exchange[] holder = new Exchange[1];
            Exchange ex = new Exchange(operation, packets, matcher, timeout, result::tryEmitValue,
                    e -> {
                        // Before it is armed the error is the arming's; after, the result's.
                        if (!holder[0].armedEmitted) {
                            sink.error(e);
                        }
                        result.tryEmitError(e);
                    }, sink);
            holder[0] = ex;
            ex.armed = new ArmedShutter(() -> release(ex), () -> Confined.schedule(worker, () -> cancel(ex)),
                    result.asMono());
            sink.onCancel(() -> Confined.schedule(worker, () -> cancel(ex)));
            if (!Confined.schedule(worker, () -> enqueue(ex))) {
                sink.error(closed(operation, closedWith));
            }
        });
    }

    /** Offers a decoded message; returns {@code true} when it answered the exchange in flight. */
    boolean offer(CameraMessage message, long receivedNanos) {
        Exchange ex = inFlight;
        if (ex == null || !ex.matcher.test(message)) {
            return false;
        }
        finish(ex);
        ex.onResult.accept(new ExchangeResult(message, ex.writeIssuedNanos, receivedNanos));
        return true;
    }

    /** Fails every pending exchange and refuses new ones (the link went down). */
    void close(CamrigException cause) {
        closedWith = cause;
        Exchange ex = inFlight;
        if (ex != null) {
            finish(ex);
            ex.onError.accept(closed(ex.operation, cause));
        }
        while (!pending.isEmpty()) {
            Exchange p = pending.poll();
            p.onError.accept(closed(p.operation, cause));
        }
    }

    private void enqueue(Exchange ex) {
        if (closedWith != null) {
            ex.onError.accept(closed(ex.operation, closedWith));
            return;
        }
        pending.add(ex);
        pump();
    }

    private void pump() {
        if (closedWith != null) {
            return;
        }
        while (inFlight == null && !pending.isEmpty()) {
            Exchange ex = pending.poll();
            if (ex.cancelled) {
                continue;
            }
            inFlight = ex;
            ex.timeoutTask = worker.schedule(() -> timeout(ex), ex.timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (ex.armSink == null) {
                write(ex);
            } else {
                ex.armedEmitted = true;
                ex.armSink.success(ex.armed);
            }
        }
    }

    /**
     * Releases an armed exchange on the calling thread, once; {@code false} when it was released
     * or disposed before.
     */
    private boolean release(Exchange ex) {
        if (!ex.released.compareAndSet(false, true)) {
            return false;
        }
        write(ex);
        return true;
    }

    /** Issues the exchange's writes; runs on the worker, or on the thread releasing an armed one. */
    private void write(Exchange ex) {
        ex.writeIssuedNanos = System.nanoTime();
        // One packet (most commands, the shutter among them) needs no concatenation.
        Mono<Void> packets = ex.packets.size() == 1 ? connection.write(characteristic.uuid(), ex.packets.get(0))
                : Flux.fromIterable(ex.packets).concatMap(p -> connection.write(characteristic.uuid(), p)).then();
        packets.subscribe(null, err -> Confined.schedule(worker, () -> writeFailed(ex, err)));
    }

    private void timeout(Exchange ex) {
        if (inFlight == ex) {
            finish(ex);
            ex.onError.accept(new ExchangeTimeoutException(camera, ex.operation, ex.timeout));
        }
    }

    private void writeFailed(Exchange ex, Throwable err) {
        if (inFlight == ex) {
            finish(ex);
            ex.onError.accept(closed(ex.operation, err));
        }
    }

    private void cancel(Exchange ex) {
        ex.cancelled = true;
        pending.remove(ex);
        // An armed exchange never released leaves the queue at once (nothing was written); one
        // already written stays in flight: its response must still be consumed.
        if (inFlight == ex && ex.armSink != null && ex.released.compareAndSet(false, true)) {
            finish(ex);
            ex.onError.accept(new CancellationException(ex.operation + ": armed and disposed before release"));
        }
    }

    private void finish(Exchange ex) {
        if (ex.timeoutTask != null) {
            ex.timeoutTask.dispose();
        }
        inFlight = null;
        pump();
    }

    private CamrigException closed(String operation, Throwable cause) {
        return new ConnectionClosedException(camera, operation, cause);
    }

    private static final class Exchange {
        final String operation;
        final List<byte[]> packets;
        final Predicate<CameraMessage> matcher;
        final Duration timeout;
        final Consumer<ExchangeResult> onResult;
        final Consumer<Throwable> onError;
        /** The arming's sink, for an armed exchange; {@code null} for a plain one. */
        final MonoSink<ArmedShutter> armSink;
        final AtomicBoolean released = new AtomicBoolean();
        ArmedShutter armed;
        boolean armedEmitted;
        /** Written by the thread that issues the writes, read on the worker. */
        volatile long writeIssuedNanos;
        Disposable timeoutTask;
        boolean cancelled;

        Exchange(String operation, List<byte[]> packets, Predicate<CameraMessage> matcher, Duration timeout,
                 Consumer<ExchangeResult> onResult, Consumer<Throwable> onError, MonoSink<ArmedShutter> armSink) {
            this.operation = operation;
            this.packets = packets;
            this.matcher = matcher;
            this.timeout = timeout;
            this.onResult = onResult;
            this.onError = onError;
            this.armSink = armSink;
        }
    }
}
