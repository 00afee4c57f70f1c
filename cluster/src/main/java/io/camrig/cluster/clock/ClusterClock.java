package io.camrig.cluster.clock;

import java.time.Instant;

/**
 * A host's clock as the cluster reads it: nanoseconds on a wall-clock scale (epoch), advancing
 * with the host's monotonic clock. Instants of a fire travel in the coordinator's clock and are
 * turned into {@link System#nanoTime()} instants on each node with {@link #hostNanosAt}.
 */
public interface ClusterClock {

    /** Now, in this clock, ns. */
    long nowNanos();

    /** The {@link System#nanoTime()} instant at which this clock reads {@code clockNanos}. */
    default long hostNanosAt(long clockNanos) {
        long host = System.nanoTime();
        return host + (clockNanos - nowNanos());
    }

    /** The instant this clock reads at {@link System#nanoTime()} instant {@code hostNanos}. */
    default long clockAt(long hostNanos) {
        long host = System.nanoTime();
        return nowNanos() + (hostNanos - host);
    }

    /** The host's clock: the wall-clock time at creation, advanced by {@link System#nanoTime()}. */
    static ClusterClock system() {
        Instant start = Instant.now();
        long startHost = System.nanoTime();
        long epoch = start.getEpochSecond() * 1_000_000_000L + start.getNano();
        return () -> epoch + (System.nanoTime() - startHost);
    }
}
