package io.camrig.simulator.http;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The faults in force on one server, with the count of downloads still to cut and the gate that
 * holds stalled downloads (opened by {@link #release()} or by setting other faults).
 */
final class FaultState {
    private volatile HttpFaults faults = HttpFaults.NONE;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile Sinks.Empty<Void> gate = Sinks.empty();
    private volatile Sinks.Empty<Void> reached = Sinks.empty();
    private final java.util.List<Long> downloadStarts = new java.util.concurrent.CopyOnWriteArrayList<>();

    HttpFaults get() {
        return faults;
    }

    synchronized void set(HttpFaults f) {
        faults = Objects.requireNonNull(f, "faults");
        cutsLeft.set(f.cutDownloads());
        gate.tryEmitEmpty();
        gate = Sinks.empty();
        reached = Sinks.empty();
    }

    /** Lets every stalled download go on; downloads that start later stall again while the faults stay. */
    synchronized void release() {
        gate.tryEmitEmpty();
        gate = Sinks.empty();
    }

    /** Completes when the stalled downloads may go on. */
    Mono<Void> gate() {
        return gate.asMono();
    }

    /** Records the first byte a download request asked for (0 without {@code Range}). */
    void downloadStarted(long firstByte) {
        downloadStarts.add(firstByte);
    }

    /** The first byte of every download request so far, in arrival order. */
    java.util.List<Long> downloadStarts() {
        return java.util.List.copyOf(downloadStarts);
    }

    /** Called by a download that reached its stall point. */
    void stalled() {
        reached.tryEmitEmpty();
    }

    /** Completes once a download stalled since the faults were last set. */
    Mono<Void> reached() {
        return reached.asMono();
    }

    /** Bytes after which this download is cut, or -1: takes one cut from the count. */
    long takeCut() {
        HttpFaults f = faults;
        if (f.cutAfterBytes() < 0) {
            return -1;
        }
        if (f.cutDownloads() < 0) {
            return f.cutAfterBytes();
        }
        return cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? f.cutAfterBytes() : -1;
    }
}
