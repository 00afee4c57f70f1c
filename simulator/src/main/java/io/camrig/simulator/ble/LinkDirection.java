package io.camrig.simulator.ble;

import io.camrig.simulator.camera.LinkArrival;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * One direction of a simulated link: runs each task {@code latency} (plus any jitter) after it
 * was sent, never before a task sent earlier — BLE delivers in order. The link keeps its own FIFO
 * and releases one task at a time, the next only once the previous one has run, so order never
 * depends on the executor's tie-breaking or on the scheduler's clock granularity (milliseconds
 * for the real schedulers), and a link's tasks never overlap. Tasks run on one worker of the
 * shared scheduler.
 *
 * <p>A link with zero latency hands each task that is due at once to a one-thread
 * {@link ForkJoinPool} instead, whose submission never takes a lock. The scheduler's timed queue
 * is a heap under a lock, and a sender (the engine's fire thread, writing to 128 cameras in a
 * row) could park on that lock for milliseconds while a simulator thread that held it was
 * descheduled. Links with latency keep to the scheduler, virtual time included.
 */
final class LinkDirection {
    /**
     * Where the due-now tasks of zero-latency links run: lock-free submission, one daemon thread.
     * One, because waking an idle thread costs the sender 50–250 µs on a small VM; with one
     * thread a burst of writes wakes it once, and it then drains the burst.
     */
    private static final class Immediate {
        static final Executor POOL = new ForkJoinPool(1,
                pool -> {
                    var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    thread.setName("camrig-sim-link-" + thread.getPoolIndex());
                    thread.setDaemon(true);
                    return thread;
                }, null, true);
    }

    private final Scheduler scheduler;
    private final Scheduler.Worker worker;
    private final long latencyNanos;
    private final boolean wallClock;
    private final Deque<Item> queue = new ArrayDeque<>();
    private long lastDue = Long.MIN_VALUE;
    private boolean draining;

    private record Item(Runnable task, long due) {
    }

    LinkDirection(Scheduler scheduler, Duration latency) {
        this.scheduler = scheduler;
        this.worker = scheduler.createWorker();
        this.latencyNanos = latency.toNanos();
        // Reactor's real schedulers tell now() from System.currentTimeMillis(): timing a latency from
        // it delivers anywhere in a 1 ms window. Their delays run on System.nanoTime(), so a link on a
        // real scheduler takes its due instants from that clock; virtual time keeps the scheduler's.
        this.wallClock = Math.abs(scheduler.now(TimeUnit.MILLISECONDS) - System.currentTimeMillis()) < 60_000;
    }

    private long now() {
        return wallClock ? System.nanoTime() : scheduler.now(TimeUnit.NANOSECONDS);
    }

    /** Schedules {@code task} to run after the link latency, in send order. */
    void send(Runnable task) {
        send(task, 0);
    }

    /** As {@link #send(Runnable)}, {@code extraNanos} later (jitter); order is still kept. */
    void send(Runnable task, long extraNanos) {
        long delay;
        synchronized (this) {
            long now = now();
            long due = Math.max(now + latencyNanos + extraNanos, lastDue);
            lastDue = due;
            queue.add(new Item(task, due));
            if (draining) {
                return;
            }
            draining = true;
            delay = due - now;
        }
        release(delay);
    }

    private void release(long delayNanos) {
        if (latencyNanos == 0 && delayNanos <= 0) {
            Immediate.POOL.execute(this::releaseHead);
        } else {
            worker.schedule(this::releaseHead, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Runs the head task, then releases the next one when it is due. The link stays "draining"
     * until the queue is empty after a task has run, so two tasks of one link never overlap,
     * whichever threads run them.
     */
    private void releaseHead() {
        Item item;
        synchronized (this) {
            item = queue.poll();
        }
        LinkArrival.enter(item.due());
        try {
            item.task().run();
        } finally {
            LinkArrival.exit();
            releaseNext();
        }
    }

    private void releaseNext() {
        long delay;
        synchronized (this) {
            Item next = queue.peek();
            if (next == null) {
                draining = false;
                return;
            }
            delay = Math.max(0, next.due() - now());
        }
        release(delay);
    }

    /** Releases the worker once everything already sent has been delivered. */
    void shutdownAfterPending() {
        send(worker::dispose);
    }
}
