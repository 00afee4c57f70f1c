package io.camrig.benchmarks.rig;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Immutable options of a {@link RigHarness} run; change them with the {@code with…} methods.
 *
 * @param cameraCounts        the rig sizes to measure, in order (default 8, 32, 128, 512)
 * @param fires               measured synchronized fires per rig size (default 50); each is a
 *                            shutter-on fire followed by an unmeasured shutter-off fire
 * @param warmupFires         fires before the measured ones, not counted, at least (default 20:
 *                            the first fires run interpreted code)
 * @param maxWarmupFires      warm-up fires at most (default 400): between the two, warm-up goes on
 *                            until the JIT is quiet ({@link JitWarmup}), since its compiler threads
 *                            compete with the fire thread for the CPU; equal to
 *                            {@code warmupFires} for an exact count
 * @param idleWarmup          idle load before the CPU window opens (default 5 s: the JIT is still
 *                            compiling the idle paths for a few seconds)
 * @param idle                the idle window over which CPU is measured (default 9 s: three
 *                            keep-alive periods)
 * @param keepAliveInterval   how often each camera gets a keep-alive (default 3 s, as the spec asks)
 * @param statusPushInterval  how often each simulated camera changes a registered status, which
 *                            pushes a status update (default 1 s)
 * @param connectConcurrency  connections set up at once (default 4, the engine's default)
 * @param compensateLatency   {@code RigOptions.compensateLatency} (default true, the engine's
 *                            default): with zero link latency every estimate is noise, so the write
 *                            skew then shows what compensation costs; false shows the bare
 *                            release of the writes
 */
public record RigHarnessOptions(List<Integer> cameraCounts, int fires, int warmupFires, int maxWarmupFires,
                                Duration idleWarmup,
                                Duration idle, Duration keepAliveInterval, Duration statusPushInterval,
                                int connectConcurrency, boolean compensateLatency) {
    public RigHarnessOptions {
        cameraCounts = List.copyOf(cameraCounts);
        if (cameraCounts.isEmpty() || cameraCounts.stream().anyMatch(n -> n < 1 || n > 1024)) {
            throw new IllegalArgumentException("camera counts must be 1..1024, got " + cameraCounts);
        }
        if (fires < 1 || warmupFires < 0 || maxWarmupFires < warmupFires) {
            throw new IllegalArgumentException("fires must be >= 1, warm-up fires >= 0 and at most the maximum, got "
                    + fires + ", " + warmupFires + " and " + maxWarmupFires);
        }
        requirePositive(idle, "idle");
        Objects.requireNonNull(idleWarmup, "idleWarmup");
        if (idleWarmup.isNegative()) {
            throw new IllegalArgumentException("idleWarmup must not be negative");
        }
        requirePositive(keepAliveInterval, "keepAliveInterval");
        requirePositive(statusPushInterval, "statusPushInterval");
        if (connectConcurrency < 1) {
            throw new IllegalArgumentException("connectConcurrency must be >= 1");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The run: 8, 32, 128 and 512 cameras, 50 fires, 9 s idle window. */
    public static RigHarnessOptions defaults() {
        return new RigHarnessOptions(List.of(8, 32, 128, 512), 50, 20, 400, Duration.ofSeconds(5), Duration.ofSeconds(9),
                Duration.ofSeconds(3), Duration.ofSeconds(1), 4, true);
    }

    public RigHarnessOptions withCameraCounts(List<Integer> counts) {
        return new RigHarnessOptions(counts, fires, warmupFires, maxWarmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withFires(int n) {
        return new RigHarnessOptions(cameraCounts, n, warmupFires, maxWarmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    /** Exactly {@code n} warm-up fires, whatever the JIT does. */
    public RigHarnessOptions withWarmupFires(int n) {
        return withWarmupFires(n, n);
    }

    /** At least {@code min} and at most {@code max} warm-up fires; between the two, until the JIT is quiet. */
    public RigHarnessOptions withWarmupFires(int min, int max) {
        return new RigHarnessOptions(cameraCounts, fires, min, max, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withIdle(Duration warmup, Duration window) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, maxWarmupFires, warmup, window,
                keepAliveInterval, statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withKeepAliveInterval(Duration d) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, maxWarmupFires, idleWarmup, idle, d,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withStatusPushInterval(Duration d) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, maxWarmupFires, idleWarmup, idle,
                keepAliveInterval, d, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withConnectConcurrency(int n) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, maxWarmupFires, idleWarmup, idle,
                keepAliveInterval, statusPushInterval, n, compensateLatency);
    }

    public RigHarnessOptions withCompensateLatency(boolean on) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, maxWarmupFires, idleWarmup, idle,
                keepAliveInterval, statusPushInterval, connectConcurrency, on);
    }
}
