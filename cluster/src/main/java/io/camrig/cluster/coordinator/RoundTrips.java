package io.camrig.cluster.coordinator;

import java.util.Arrays;

/** The last {@value #WINDOW} broker round trips, ns, with percentiles. Thread-safe. */
public final class RoundTrips {
    public static final int WINDOW = 1024;
    private final long[] window = new long[WINDOW];
    private long count;

    synchronized void add(long nanos) {
        window[(int) (count++ % WINDOW)] = nanos;
    }

    /** The {@code p}-th percentile (0–100), ns, or 0 before the first sample. */
    public synchronized long percentile(double p) {
        int n = (int) Math.min(count, WINDOW);
        if (n == 0) {
            return 0;
        }
        long[] s = Arrays.copyOf(window, n);
        Arrays.sort(s);
        return s[(int) Math.min(n - 1, Math.ceil(p / 100 * n) - 1 < 0 ? 0 : Math.ceil(p / 100 * n) - 1)];
    }

    /** How many round trips were measured. */
    public synchronized long count() {
        return count;
    }
}
