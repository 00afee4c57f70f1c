package io.camrig.benchmarks.rig;

import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n samples is the ⌈p·n/100⌉-th smallest. With
 * 50 samples, p50 is the 25th smallest and p99 the largest.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * @param samples at least one value
     * @param p       the percentile, 0 &lt; p ≤ 100
     */
    public static double of(List<? extends Number> samples, double p) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        double[] sorted = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The largest sample. */
    public static double max(List<? extends Number> samples) {
        return of(samples, 100);
    }
}
