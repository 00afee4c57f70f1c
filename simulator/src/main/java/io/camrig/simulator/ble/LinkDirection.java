package io.camrig.simulator.ble;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * One direction of a simulated link: runs each task {@code latency} (plus any jitter) after it
 * was sent, never before a task sent earlier — BLE delivers in order. The link keeps its own FIFO
 * and releases one task at a time, each after the gap between its due instant and its
 * predecessor's, so order never depends on the executor's tie-breaking or on the scheduler's
 * clock granularity (milliseconds for the real schedulers). Tasks run on one worker of the
 * shared scheduler.
 */
final class LinkDirection {
    private final Scheduler scheduler;
    private final Scheduler.Worker worker;
    private final long latencyNanos;
    private final Deque<Item> queue = new ArrayDeque<>();
    private long lastDue;
    private boolean draining;

    private record Item(Runnable task, long due) {
    }

    LinkDirection(Scheduler scheduler, Duration latency) {
        this.scheduler = scheduler;
        this.worker = scheduler.createWorker();
        this.latencyNanos = latency.toNanos();
    }

    /** Schedules {@code task} to run after the link latency, in send order. */
    void send(Runnable task) {
        send(task, 0);
    }

    /** As {@link #send(Runnable)}, {@code extraNanos} later (jitter); order is still kept. */
    void send(Runnable task, long extraNanos) {
        long delay;
        synchronized (this) {
            long now = scheduler.now(TimeUnit.NANOSECONDS);
            long due = Math.max(now + latencyNanos + extraNanos, lastDue);
            lastDue = due;
            queue.add(new Item(task, due));
            if (draining) {
                return;
            }
            draining = true;
            delay = due - now;
        }
        worker.schedule(this::releaseHead, delay, TimeUnit.NANOSECONDS);
    }

    private void releaseHead() {
        Item item;
        long gap;
        synchronized (this) {
            item = queue.poll();
            Item next = queue.peek();
            gap = next == null ? -1 : next.due() - item.due();
            draining = next != null;
        }
        item.task().run();
        if (gap >= 0) {
            worker.schedule(this::releaseHead, gap, TimeUnit.NANOSECONDS);
        }
    }

    /** Releases the worker once everything already sent has been delivered. */
    void shutdownAfterPending() {
        send(worker::dispose);
    }
}
