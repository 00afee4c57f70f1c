package io.camrig.engine.rig;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Releases armed shutter requests at precise instants from one dedicated thread: it parks until
 * about a millisecond before each instant, then spins, and completes that camera's trigger — the
 * write is issued on this thread at once. Precision is microseconds, which no scheduler with
 * millisecond ticks gives.
 *
 * <p>Descheduled in the middle of a release, the thread would delay every camera after that
 * point by a scheduler slice (1–3 ms were measured on 2 vCPUs, 9 ms at worst). So it asks for
 * real-time scheduling when {@code realtime} ({@link RealtimeScheduling}), and for
 * {@link Thread#MAX_PRIORITY}, which the JVM passes on to Linux only with
 * {@code -XX:ThreadPriorityPolicy=1} and the right to raise it (root, or {@code CAP_SYS_NICE}).
 */
final class FireClock implements AutoCloseable {
    /** Spin (rather than park) for the last stretch before an instant. */
    private static final long SPIN_NANOS = 1_000_000;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "camrig-fire");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });
    private final Scheduler scheduler = Schedulers.fromExecutorService(thread, "camrig-fire");
    private final Future<FireThread> scheduling;

    FireClock(boolean realtime) {
        scheduling = thread.submit(() -> RealtimeScheduling.request(realtime));
    }

    /** How the thread is scheduled; waits for the thread to start (microseconds) if it has not yet. */
    FireThread fireThread() {
        try {
            return scheduling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FireThread(false, "unknown: interrupted");
        } catch (ExecutionException e) {
            return new FireThread(false, "normal: " + e.getCause());
        }
    }

    /** One trigger and how long after the start of the release it fires. */
    record Release(Sinks.Empty<Void> trigger, long offsetNanos) {
    }

    /** Completes every trigger at its offset from now, earliest first; completes when all fired. */
    Mono<Void> release(List<Release> releases) {
        return releaseAt(releases, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Completes every trigger at its offset from {@code start} (a {@link System#nanoTime()}
     * instant; {@link Long#MIN_VALUE}: when the thread gets to it). When the thread gets to it
     * more than {@code lateNanos} after {@code start}, it fails every trigger with
     * {@link LateFireException} instead: nothing is written late.
     */
    Mono<Void> releaseAt(List<Release> releases, long startAt, long lateNanos) {
        return Mono.<Void>fromRunnable(() -> {
            long now = System.nanoTime();
            long start = startAt == Long.MIN_VALUE ? now : startAt;
            if (now - start > lateNanos) {
                LateFireException late = new LateFireException(now - start, lateNanos);
                releases.forEach(r -> r.trigger().tryEmitError(late));
                return;
            }
            releases.stream().sorted(Comparator.comparingLong(Release::offsetNanos)).forEach(r -> {
                long at = start + r.offsetNanos();
                long wait;
                while ((wait = at - System.nanoTime()) > SPIN_NANOS) {
                    LockSupport.parkNanos(wait - SPIN_NANOS);
                }
                while (System.nanoTime() < at) {
                    Thread.onSpinWait();
                }
                r.trigger().tryEmitEmpty();
            });
        }).subscribeOn(scheduler);
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
