package io.camrig.simulator.ble;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * One direction of a simulated link: runs each task {@code latency} after it was sent, never
 * before a task sent earlier (BLE delivers in order). Tasks run one at a time on one worker of
 * the shared scheduler.
 */
final class LinkDirection {
    private final Scheduler scheduler;
    private final Scheduler.Worker worker;
    private final long latencyNanos;
    private long lastDelivery;

    LinkDirection(Scheduler scheduler, Duration latency) {
        this.scheduler = scheduler;
        this.worker = scheduler.createWorker();
        this.latencyNanos = latency.toNanos();
    }

    /** Schedules {@code task} to run after the link latency, in send order. */
    void send(Runnable task) {
        long delay;
        synchronized (this) {
            long now = scheduler.now(TimeUnit.NANOSECONDS);
            long at = Math.max(now + latencyNanos, lastDelivery);
            lastDelivery = at;
            delay = at - now;
        }
        worker.schedule(task, delay, TimeUnit.NANOSECONDS);
    }

    /** Releases the worker once everything already sent has been delivered. */
    void shutdownAfterPending() {
        send(worker::dispose);
    }
}
