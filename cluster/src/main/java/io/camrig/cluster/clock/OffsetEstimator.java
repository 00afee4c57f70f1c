package io.camrig.cluster.clock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A node's estimate of (coordinator clock − node clock) from NTP-style exchanges (RFC 5905's
 * on-wire arithmetic): for timestamps t1 (node sends), t2 (coordinator receives), t3 (coordinator
 * answers), t4 (node receives), offset = ((t2 − t1) + (t3 − t4)) / 2 and round trip =
 * (t4 − t1) − (t3 − t2). Queueing in the broker only lengthens a round trip and skews its offset,
 * so the estimate is the sample of the last {@value #WINDOW} with the smallest uncertainty: half
 * its round trip plus its age times {@link #DRIFT_ALLOWANCE_PPM} (clocks drift apart between
 * exchanges). Thread-safe.
 */
public final class OffsetEstimator {
    /** How many recent exchanges are kept. */
    public static final int WINDOW = 32;
    /** How fast two hosts' clocks may drift apart, ppm, for ageing samples (two oscillators at 100 ppm). */
    public static final double DRIFT_ALLOWANCE_PPM = 200;

    /** One exchange's result, in the node's clock. */
    public record Sample(long offsetNanos, long roundTripNanos, long atNodeNanos) {
    }

    /**
     * The estimate.
     *
     * @param offsetNanos      coordinator − node, ns
     * @param uncertaintyNanos half the chosen sample's round trip plus its drift allowance, ns
     * @param samples          how many samples it was chosen from
     */
    public record Estimate(long offsetNanos, long uncertaintyNanos, int samples) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Adds the four timestamps of one exchange; an exchange with a negative round trip is dropped. */
    public synchronized Optional<Sample> add(long t1, long t2, long t3, long t4) {
        long roundTrip = (t4 - t1) - (t3 - t2);
        if (roundTrip < 0 || t3 < t2 || t4 < t1) {
            return Optional.empty();
        }
        Sample s = new Sample(((t2 - t1) + (t3 - t4)) / 2, roundTrip, t4);
        if (samples.size() == WINDOW) {
            samples.removeFirst();
        }
        samples.addLast(s);
        return Optional.of(s);
    }

    /** The estimate at node instant {@code nowNode}, or empty before the first exchange. */
    public synchronized Optional<Estimate> estimate(long nowNode) {
        Sample best = null;
        long bestScore = Long.MAX_VALUE;
        for (Sample s : samples) {
            long score = uncertainty(s, nowNode);
            if (score < bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Estimate(best.offsetNanos(), bestScore, samples.size()));
    }

    private static long uncertainty(Sample s, long nowNode) {
        long age = Math.max(0, nowNode - s.atNodeNanos());
        return s.roundTripNanos() / 2 + Math.round(age * DRIFT_ALLOWANCE_PPM / 1e6);
    }

    /** Forgets every sample (after a reconnect the path may have changed). */
    public synchronized void clear() {
        samples.clear();
    }
}
