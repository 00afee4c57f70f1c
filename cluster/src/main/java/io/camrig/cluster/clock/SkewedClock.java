package io.camrig.cluster.clock;

/**
 * A clock with an injected offset and drift against another: what a host whose clock is set
 * wrong, or whose oscillator runs fast or slow, reads. For tests and benchmarks.
 *
 * @param base        the true clock
 * @param offsetNanos how far ahead this clock is at the base's instant {@code anchorNanos}, ns
 * @param driftPpm    how much faster it runs, parts per million (negative: slower)
 * @param anchorNanos the base's instant from which the drift accumulates
 */
public record SkewedClock(ClusterClock base, long offsetNanos, double driftPpm, long anchorNanos) implements ClusterClock {

    /** Skewed from {@code base} from now on. */
    public static SkewedClock of(ClusterClock base, long offsetNanos, double driftPpm) {
        return new SkewedClock(base, offsetNanos, driftPpm, base.nowNanos());
    }

    @Override
    public long nowNanos() {
        long b = base.nowNanos();
        return b + offsetNanos + Math.round((b - anchorNanos) * driftPpm / 1e6);
    }

    @Override
    public long hostNanosAt(long clockNanos) {
        // Invert the skew: the base instant at which this clock reads clockNanos.
        long b = Math.round((clockNanos - offsetNanos + anchorNanos * driftPpm / 1e6) / (1 + driftPpm / 1e6));
        return base.hostNanosAt(b);
    }

    @Override
    public long clockAt(long hostNanos) {
        long b = base.clockAt(hostNanos);
        return b + offsetNanos + Math.round((b - anchorNanos) * driftPpm / 1e6);
    }
}
