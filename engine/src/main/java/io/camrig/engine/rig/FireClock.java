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
 * about a millisecond before each instant (0.2 ms on a real-time thread), then spins, and releases that camera's armed shutter — the
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
    /** Spin (rather than park) for the last stretch before an instant, on a normal thread. */
    private static final long SPIN_NANOS = 1_000_000;
    /**
     * The same on a real-time thread: Linux wakes it on time (no timer slack, it preempts every
     * normal thread), so a short spin suffices, and a long one would hold a core from the other
     * real-time fire threads of the host (several node processes on one machine share its cores:
     * four of them spinning through each 1 ms before their releases kept each other 1.5 ms late).
     */
    private static final long REALTIME_SPIN_NANOS = 200_000;

    private final Sinks.Empty<Void> terminated = Sinks.empty();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } finally {
                terminated.tryEmitEmpty();
            }
        }, "camrig-fire");
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

    /**
     * What to do at one instant (release a camera's {@link io.camrig.engine.camera.ArmedShutter})
     * and how long after the start of the release.
     */
    record Release(Runnable action, long offsetNanos) {
    }

    /**
     * Releases every armed shutter at its offset from now, earliest first, on the fire thread (the
     * write is issued there); emits the instant the release began ({@link System#nanoTime()}) when
     * all were released.
     */
    Mono<Long> release(List<Release> releases) {
        return releaseAt(releases, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * As {@link #release}, from {@code startAt} (a {@link System#nanoTime()} instant;
     * {@link Long#MIN_VALUE}: when the thread gets to it). When the thread gets to it more than
     * {@code lateNanos} after {@code startAt}, it releases nothing and errors with
     * {@link LateFireException}: nothing is written late.
     */
    Mono<Long> releaseAt(List<Release> releases, long startAt, long lateNanos) {
        return Mono.fromCallable(() -> {
            long now = System.nanoTime();
            long start = startAt == Long.MIN_VALUE ? now : startAt;
            if (now - start > lateNanos) {
                throw new LateFireException(now - start, lateNanos);
            }
            long spin = fireThread().realtime() ? REALTIME_SPIN_NANOS : SPIN_NANOS;
            releases.stream().sorted(Comparator.comparingLong(Release::offsetNanos)).forEach(r -> {
                long at = start + r.offsetNanos();
                long wait;
                while ((wait = at - System.nanoTime()) > spin) {
                    LockSupport.parkNanos(wait - spin);
                }
                while (System.nanoTime() < at) {
                    Thread.onSpinWait();
                }
                r.action().run();
            });
            return start;
        }).subscribeOn(scheduler);
    }

    /** Stops the thread (a release in progress is interrupted); {@link #terminated()} tells when it ended. */
    @Override
    public void close() {
        scheduler.dispose();
        thread.shutdownNow();
    }

    /** Completes when the fire thread has ended, after {@link #close()}. */
    Mono<Void> terminated() {
        return terminated.asMono();
    }
}
