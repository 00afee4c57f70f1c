package io.camrig.benchmarks.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class JitWarmupTest {

    /** Feeds compile times (ms per fire) until the warm-up says it is done; returns the fires it took. */
    private static int warmUp(JitWarmup w, LongStream compileMillis) {
        var times = compileMillis.iterator();
        while (w.needsMore() && times.hasNext()) {
            w.fired(times.nextLong());
        }
        return w.fires();
    }

    @Test
    void aQuietJitEndsTheWarmUpAfterTheMinimumAndOneFullWindow() {
        assertThat(warmUp(new JitWarmup(5, 400), LongStream.generate(() -> 0))).isEqualTo(JitWarmup.WINDOW);
        assertThat(warmUp(new JitWarmup(50, 400), LongStream.generate(() -> 0))).isEqualTo(50);
    }

    @Test
    void aBurstOfCompilationInsideTheWindowKeepsItWarmingUp() {
        // 30 fires compiling heavily, a lull of 10, a C2 burst of 130 ms, then quiet.
        LongStream series = LongStream.concat(LongStream.concat(
                LongStream.generate(() -> 80).limit(30), LongStream.generate(() -> 0).limit(10)),
                LongStream.concat(LongStream.of(130), LongStream.generate(() -> 0)));
        // Warm once the 130 ms burst has left a quiet window behind it: fire 41 + 20.
        assertThat(warmUp(new JitWarmup(20, 400), series)).isEqualTo(61);
    }

    @Test
    void aLowSteadyTrickleOfCompilationCountsAsQuiet() {
        // 1 ms per fire is the limit: 20 ms over 20 fires.
        assertThat(warmUp(new JitWarmup(0, 400), LongStream.generate(() -> 1))).isEqualTo(JitWarmup.WINDOW);
        assertThat(warmUp(new JitWarmup(0, 400), LongStream.generate(() -> 2))).isEqualTo(400);
    }

    @Test
    void theMaximumBoundsAJitThatNeverSettles() {
        assertThat(warmUp(new JitWarmup(20, 120), LongStream.generate(() -> 50))).isEqualTo(120);
        assertThat(warmUp(new JitWarmup(0, 0), LongStream.generate(() -> 50))).isZero();
        assertThat(warmUp(new JitWarmup(3, 3), LongStream.generate(() -> 50))).isEqualTo(3);
    }

    @Test
    void inconsistentBoundsAreRefused() {
        assertThatThrownBy(() -> new JitWarmup(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JitWarmup(30, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30").hasMessageContaining("20");
    }
}
