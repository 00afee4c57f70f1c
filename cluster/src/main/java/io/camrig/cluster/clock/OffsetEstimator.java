package io.camrig.cluster.clock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A node's estimate of (coordinator clock − node clock) from NTP-style exchanges, with a bound
 * that holds as long as no message travels back in time and the two clocks' relative frequency
 * stays within {@link #MAX_DRIFT_PPM} and constant (to {@link #RESIDUAL_PPM}) over the
 * {@link #HISTORY}.
 *
 * <p>Timestamps of one exchange: t1 (node sends), t2 (coordinator receives), t3 (coordinator
 * answers), t4 (node receives). As delays are never negative, the offset θ was at most t2 − t1 at
 * node instant t1 and at least t3 − t4 at node instant t4 (RFC 5905's offset is the midpoint of
 * these, its round trip their difference). With θ(t) = θ₀ + f·(t − t₀) for an unknown relative
 * frequency f (drift), every exchange bounds the line θ₀ + f·(t − t₀) from above at t1 and from
 * below at t4, each bound widened by {@link #RESIDUAL_PPM} times its age; |f| ≤
 * {@link #MAX_DRIFT_PPM}. The estimate at t₀ is the midpoint of every θ₀ the lines consistent with
 * all of them allow, its uncertainty half that range: the tightest request leg and the tightest
 * answer leg of the whole history count, even from different exchanges and seconds apart, and
 * the drift is whatever fits them (a two-variable linear program, solved here by searching f, on
 * which the bounds are concave and convex). A history no line satisfies (the node's clock was
 * stepped, or drifts beyond the allowance) is dropped but for the newest exchange: the estimate
 * falls back to that one exchange, whose bound is half its round trip. Thread-safe.
 */
public final class OffsetEstimator {
    /** The most exchanges kept. */
    public static final int WINDOW = 256;
    /** How far back exchanges are kept, ns (20 s). */
    public static final long HISTORY = 20_000_000_000L;
    /** The largest relative frequency of two hosts' clocks, ppm (two oscillators at 100 ppm). */
    public static final double MAX_DRIFT_PPM = 200;
    /** How much the relative frequency may wander within {@link #HISTORY}, ppm, as a widening of old bounds. */
    public static final double RESIDUAL_PPM = 2;
    private static final int SEARCH_STEPS = 90;

    /** One exchange's result, in the node's clock: RFC 5905 offset and round trip, the node instant t4. */
    public record Sample(long offsetNanos, long roundTripNanos, long atNodeNanos) {
    }

    /**
     * The estimate.
     *
     * @param offsetNanos      coordinator − node at the instant asked for, ns
     * @param uncertaintyNanos the true offset lies within ± this, ns (under the model above)
     * @param samples          how many exchanges it was made from
     * @param driftPpm         the relative frequency that fits them best (midpoint of those that fit), ppm
     */
    public record Estimate(long offsetNanos, long uncertaintyNanos, int samples, double driftPpm) {
    }

    /** One exchange's two half-lines, relative to {@link #origin} to keep doubles exact. */
    private record Bounds(double upperAt, double upper, double lowerAt, double lower, long t4, Sample sample) {
    }

    private final Deque<Bounds> history = new ArrayDeque<>();
    private long origin = Long.MIN_VALUE;
    private long resets;

    /** Adds the four timestamps of one exchange; an exchange with a negative round trip is dropped. */
    public synchronized Optional<Sample> add(long t1, long t2, long t3, long t4) {
        long roundTrip = (t4 - t1) - (t3 - t2);
        if (roundTrip < 0 || t3 < t2 || t4 < t1) {
            return Optional.empty();
        }
        if (origin == Long.MIN_VALUE) {
            origin = t4;
        }
        Sample s = new Sample(((t2 - t1) + (t3 - t4)) / 2, roundTrip, t4);
        Bounds b = new Bounds(t1 - origin, (double) (t2 - t1), t4 - origin, (double) (t3 - t4), t4, s);
        while (!history.isEmpty() && (history.size() >= WINDOW || t4 - history.peekFirst().t4() > HISTORY)) {
            history.removeFirst();
        }
        history.addLast(b);
        if (history.size() > 1 && solve(t4).isEmpty()) {
            // No line fits: the clock was stepped or drifts beyond the allowance. Trust only the new one.
            history.clear();
            history.addLast(b);
            resets++;
        }
        return Optional.of(s);
    }

    /** The estimate at node instant {@code atNode} (now, or a coming fire instant), or empty before the first exchange. */
    public synchronized Optional<Estimate> estimate(long atNode) {
        return history.isEmpty() ? Optional.empty() : solve(atNode);
    }

    /** How many times the history was dropped because no line fitted it. */
    public synchronized long resets() {
        return resets;
    }

    private Optional<Estimate> solve(long atNode) {
        double at = atNode - origin;
        double maxF = MAX_DRIFT_PPM * 1e-6;
        double best = argMax(f -> width(f, at), -maxF, maxF);
        if (width(best, at) < 0) {
            return Optional.empty();
        }
        double lowF = edge(at, -maxF, best);
        double highF = edge(at, maxF, best);
        double top = upper(argMax(f -> upper(f, at), lowF, highF), at);
        double bottom = lower(argMax(f -> -lower(f, at), lowF, highF), at);
        // Round outwards: the bound must not shrink by a rounding.
        long offset = Math.round((top + bottom) / 2);
        long uncertainty = (long) Math.ceil((top - bottom) / 2) + 1;
        return Optional.of(new Estimate(offset, uncertainty, history.size(), (lowF + highF) / 2 * 1e6));
    }

    /** The lowest upper bound of θ at {@code at} for drift f. */
    private double upper(double f, double at) {
        double u = Double.POSITIVE_INFINITY;
        for (Bounds b : history) {
            double age = Math.abs(at - b.upperAt());
            u = Math.min(u, b.upper() + f * (at - b.upperAt()) + RESIDUAL_PPM * 1e-6 * age);
        }
        return u;
    }

    /** The highest lower bound of θ at {@code at} for drift f. */
    private double lower(double f, double at) {
        double l = Double.NEGATIVE_INFINITY;
        for (Bounds b : history) {
            double age = Math.abs(at - b.lowerAt());
            l = Math.max(l, b.lower() + f * (at - b.lowerAt()) - RESIDUAL_PPM * 1e-6 * age);
        }
        return l;
    }

    private double width(double f, double at) {
        return upper(f, at) - lower(f, at);
    }

    /** The drift between {@code outer} and {@code inner} (where the width is ≥ 0) at which the width reaches 0. */
    private double edge(double at, double outer, double inner) {
        if (width(outer, at) >= 0) {
            return outer;
        }
        double bad = outer;
        double good = inner;
        for (int i = 0; i < SEARCH_STEPS; i++) {
            double mid = (bad + good) / 2;
            if (width(mid, at) >= 0) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    /** Ternary search for the maximum of a concave function on [a, b]. */
    private static double argMax(java.util.function.DoubleUnaryOperator g, double a, double b) {
        double lo = a;
        double hi = b;
        for (int i = 0; i < SEARCH_STEPS; i++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (g.applyAsDouble(m1) < g.applyAsDouble(m2)) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        return (lo + hi) / 2;
    }

    /** Forgets every exchange (after a reconnect the path may have changed). */
    public synchronized void clear() {
        history.clear();
    }
}
