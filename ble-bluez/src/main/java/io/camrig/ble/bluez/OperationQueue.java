package io.camrig.ble.bluez;

import io.camrig.proto.error.CamrigException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A FIFO of operations with at most one in flight: BlueZ answers {@code InProgress} (or worse,
 * interleaves) when a client overlaps GATT operations on one device, or connects to two devices
 * at once on one adapter. One queue per device serializes its GATT operations; one per adapter is
 * the connect gate.
 *
 * <p>Every operation has a time limit; when it passes, the operation fails with
 * {@link BluezTimeoutException} and the next one starts, so an operation that never answers (a
 * {@code StartNotify} lost in bluetoothd) cannot wedge the queue. An operation starts only when
 * it reaches the head of the queue. A subscriber that cancels a waiting operation removes it;
 * cancelling one in flight does not recall it (BlueZ already has it), so the queue still waits for
 * its answer or its time limit. {@link #close(CamrigException)} fails everything pending with the
 * given error.
 */
final class OperationQueue {
    private final String owner;
    private final Scheduler timer;
    private final Queue<Op<?>> pending = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private Op<?> inFlight;
    private CamrigException closed;

    /**
     * @param owner the device address (or adapter) named in errors
     * @param timer where time limits are measured (a virtual-time scheduler in tests)
     */
    OperationQueue(String owner, Scheduler timer) {
        this.owner = owner;
        this.timer = timer;
    }

    /**
     * Queues {@code work}; it is subscribed when every operation before it has finished.
     *
     * @param operation a label for errors, e.g. {@code "write GP-0072"}
     * @param work      the operation; errors are mapped by {@link BluezErrors}
     * @param timeout   the operation's time limit, measured from its start
     */
    <T> Mono<T> submit(String operation, Mono<T> work, Duration timeout) {
        return Mono.create(sink -> {
            Op<T> op = new Op<>(operation, work, timeout, sink);
            CamrigException refused;
            synchronized (this) {
                refused = closed;
                if (refused == null) {
                    pending.add(op);
                }
            }
            if (refused != null) {
                sink.error(refused);
                return;
            }
            sink.onCancel(() -> cancel(op));
            drain();
        });
    }

    /** Fails every waiting and running operation with {@code error}; later submissions fail with it too. */
    void close(CamrigException error) {
        Op<?>[] toFail;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = error;
            toFail = pending.toArray(new Op<?>[0]);
            pending.clear();
            if (inFlight != null) {
                Op<?>[] all = java.util.Arrays.copyOf(toFail, toFail.length + 1);
                all[toFail.length] = inFlight;
                toFail = all;
                inFlight = null;
            }
        }
        for (Op<?> op : toFail) {
            op.fail(error);
        }
    }

    /** Operations waiting, not counting the one in flight. */
    synchronized int waiting() {
        return pending.size();
    }

    private void cancel(Op<?> op) {
        synchronized (this) {
            pending.remove(op);
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            Op<?> next = null;
            synchronized (this) {
                if (inFlight == null && closed == null) {
                    next = pending.poll();
                    inFlight = next;
                }
            }
            if (next != null) {
                next.start();
            }
        } while (wip.decrementAndGet() != 0);
    }

    private void finished(Op<?> op) {
        synchronized (this) {
            if (inFlight != op) {
                return;
            }
            inFlight = null;
        }
        drain();
    }

    private final class Op<T> {
        private final String operation;
        private final Mono<T> work;
        private final Duration timeout;
        private final MonoSink<T> sink;
        private volatile Disposable running;

        Op(String operation, Mono<T> work, Duration timeout, MonoSink<T> sink) {
            this.operation = operation;
            this.work = work;
            this.timeout = timeout;
            this.sink = sink;
        }

        void start() {
            running = work.timeout(timeout, timer)
                    .subscribe(sink::success, error -> {
                        sink.error(error instanceof TimeoutException
                                ? new BluezTimeoutException("no answer within " + timeout.toMillis() + " ms", owner,
                                        operation, null, error)
                                : BluezErrors.map(error, owner, operation));
                        finished(this);
                    }, () -> {
                        sink.success();
                        finished(this);
                    });
        }

        void fail(CamrigException error) {
            sink.error(error);
            Disposable r = running;
            if (r != null) {
                r.dispose();
            }
        }
    }
}
