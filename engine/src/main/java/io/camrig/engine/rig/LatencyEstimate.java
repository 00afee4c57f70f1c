package io.camrig.engine.rig;

import java.util.Arrays;

/**
 * A moving estimate of one camera's one-way command latency, from measured round trips (request
 * written → response decoded). Queueing on either side only ever adds to a round trip, so the
 * estimate is half the mean of the fastest quarter of the last {@value #WINDOW} round trips: it
 * follows a link that gets slower or faster within a window, and ignores the occasional slow
 * sample. Thread-safe.
 */
public final class LatencyEstimate {
    /** How many recent round trips are kept. */
    public static final int WINDOW = 16;

    private final long[] window = new long[WINDOW];
    private long samples;

    /** Adds one round trip, in nanoseconds; negative values are ignored. */
    public synchronized void addRoundTrip(long roundTripNanos) {
        if (roundTripNanos < 0) {
            return;
        }
        window[(int) (samples % WINDOW)] = roundTripNanos;
        samples++;
    }

    /** The estimated one-way latency in nanoseconds, or 0 before the first sample. */
    public synchronized long oneWayNanos() {
        int n = (int) Math.min(samples, WINDOW);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(window, n);
        Arrays.sort(sorted);
        int fastest = Math.max(1, n / 4);
        long sum = 0;
        for (int i = 0; i < fastest; i++) {
            sum += sorted[i];
        }
        return sum / fastest / 2;
    }

    /** How many round trips were measured. */
    public synchronized long samples() {
        return samples;
    }
}
