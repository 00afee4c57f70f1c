package io.camrig.cluster.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The clock arithmetic on injected time only (no real clock, no sleeps): nodes with offsets of
 * ±250 ms and drift of ±100 ppm estimate their offset over exchanges with random, asymmetric
 * queueing, and the instant T of the coordinator's clock becomes, on every node, a true instant
 * within the estimate's stated uncertainty.
 */
class ClockAlignmentTest {
    /** True time, advanced by the test; hostNanosAt maps a reading of this clock to itself. */
    static final class ManualClock implements ClusterClock {
        long now = 1_700_000_000_000_000_000L;

        @Override
        public long nowNanos() {
            return now;
        }

        @Override
        public long hostNanosAt(long clockNanos) {
            return clockNanos;
        }

        @Override
        public long clockAt(long hostNanos) {
            return hostNanos;
        }
    }

    @Test
    void releaseInstantsLineUpAcrossOffsetAndDriftingNodes() {
        ManualClock truth = new ManualClock();
        ClusterClock coordinator = truth;
        long[][] skews = {{250_000_000L, 100}, {-250_000_000L, -100}, {0, 0}, {123_456_789L, 37}};
        Random random = new Random(16);
        long[] release = new long[skews.length];
        long[] bound = new long[skews.length];
        for (int n = 0; n < skews.length; n++) {
            SkewedClock node = SkewedClock.of(truth, skews[n][0], skews[n][1]);
            OffsetEstimator estimator = new OffsetEstimator();
            for (int i = 0; i < 20; i++) {
                truth.now += 50_000_000;                                  // an exchange every 50 ms
                long t1 = node.nowNanos();
                truth.now += 500_000 + random.nextInt(8_000_000);         // to the coordinator: 0.5-8.5 ms
                long t2 = coordinator.nowNanos();
                truth.now += 20_000;
                long t3 = coordinator.nowNanos();
                truth.now += 500_000 + random.nextInt(8_000_000);         // back: 0.5-8.5 ms, independent
                estimator.add(t1, t2, t3, node.nowNanos());
            }
            long t = 1_700_000_000_000_000_000L + 3_000_000_000L;          // T, coordinator clock
            // As a node fires: the estimate for T in its own clock (the drift until T counts).
            long now = estimator.estimate(node.nowNanos()).orElseThrow().offsetNanos();
            OffsetEstimator.Estimate e = estimator.estimate(t - now).orElseThrow();
            release[n] = node.hostNanosAt(t - e.offsetNanos());
            bound[n] = e.uncertaintyNanos();
            assertThat(Math.abs(release[n] - t)).as("node %d", n).isLessThanOrEqualTo(e.uncertaintyNanos());
        }
        long spread = java.util.Arrays.stream(release).max().getAsLong() - java.util.Arrays.stream(release).min().getAsLong();
        long worst = java.util.Arrays.stream(bound).max().getAsLong();
        assertThat(spread).isLessThanOrEqualTo(2 * worst);
        // Without the estimate the releases would be 500 ms apart; with it, within a few ms here.
        assertThat(spread).isLessThan(10_000_000L);
    }

    @Test
    void chronyTrackingCsvGivesTheSystemTimeOffset() {
        assertThat(Chrony.parse("A29FC87B,ntp.example,3,1700000000.1,-0.000012345,0.0,0.0,1.2,0.1,0.01,0.01,0.001,64.0,Normal"))
                .hasValue(-12_345L);
        assertThat(Chrony.parse("garbage")).isEmpty();
    }
}
