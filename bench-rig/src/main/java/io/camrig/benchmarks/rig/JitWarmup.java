package io.camrig.benchmarks.rig;

/**
 * When the fires of a rig are warm: after at least {@code min} warm-up fires, as soon as the JIT
 * compiled for at most {@value #QUIET_MILLIS_PER_FIRE} ms per fire on average over the last
 * {@value #WINDOW} fires; and in any case after {@code max} fires.
 *
 * <p>Why: the JIT goes on compiling the fire path for tens of fires at 128 cameras (hundreds of
 * ms per fire at first, then bursts of 50–130 ms as C2 takes over), and its compiler threads
 * take the CPU from the fire thread in the middle of a release; a fixed count of warm-up fires
 * that is enough at one rig size is too few at another. A quiet window shorter than
 * {@value #WINDOW} fires was seen to end before the C2 bursts.
 */
final class JitWarmup {
    /** Fires over which the JIT's compile time is averaged. */
    static final int WINDOW = 20;
    /** Average compile time per fire, ms, at or under which the JIT counts as quiet. */
    static final double QUIET_MILLIS_PER_FIRE = 1.0;

    private final int min;
    private final int max;
    private final long[] window = new long[WINDOW];
    private long windowSum;
    private int fires;

    /**
     * @param min warm-up fires at least, ≥ 0
     * @param max warm-up fires at most, ≥ {@code min}
     * @throws IllegalArgumentException when {@code min < 0} or {@code max < min}
     */
    JitWarmup(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("warm-up fires: need 0 <= min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** {@code true} while another warm-up fire is due (before the first one, too). */
    boolean needsMore() {
        if (fires >= max) {
            return false;
        }
        if (fires < min) {
            return true;
        }
        return fires < WINDOW || windowSum > QUIET_MILLIS_PER_FIRE * WINDOW;
    }

    /** Records one warm-up fire and the JIT's compile time during it, ms. */
    void fired(long compileMillis) {
        int slot = fires % WINDOW;
        windowSum += compileMillis - window[slot];
        window[slot] = compileMillis;
        fires++;
    }

    /** Warm-up fires so far. */
    int fires() {
        return fires;
    }
}
