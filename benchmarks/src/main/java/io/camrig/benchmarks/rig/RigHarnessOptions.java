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
 * @param warmupFires         fires before the measured ones, not counted (default 20: the first
 *                            fires run interpreted code, and the JIT's compiler threads keep
 *                            competing with the fire thread for the CPU for a few more)
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
public record RigHarnessOptions(List<Integer> cameraCounts, int fires, int warmupFires, Duration idleWarmup,
                                Duration idle, Duration keepAliveInterval, Duration statusPushInterval,
                                int connectConcurrency, boolean compensateLatency) {
    public RigHarnessOptions {
        cameraCounts = List.copyOf(cameraCounts);
        if (cameraCounts.isEmpty() || cameraCounts.stream().anyMatch(n -> n < 1 || n > 1024)) {
            throw new IllegalArgumentException("camera counts must be 1..1024, got " + cameraCounts);
        }
        if (fires < 1 || warmupFires < 0) {
            throw new IllegalArgumentException("fires must be >= 1 and warm-up fires >= 0");
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
        return new RigHarnessOptions(List.of(8, 32, 128, 512), 50, 20, Duration.ofSeconds(5), Duration.ofSeconds(9),
                Duration.ofSeconds(3), Duration.ofSeconds(1), 4, true);
    }

    public RigHarnessOptions withCameraCounts(List<Integer> counts) {
        return new RigHarnessOptions(counts, fires, warmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withFires(int n) {
        return new RigHarnessOptions(cameraCounts, n, warmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withWarmupFires(int n) {
        return new RigHarnessOptions(cameraCounts, fires, n, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withIdle(Duration warmup, Duration window) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, warmup, window, keepAliveInterval,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withKeepAliveInterval(Duration d) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, idleWarmup, idle, d,
                statusPushInterval, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withStatusPushInterval(Duration d) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, idleWarmup, idle, keepAliveInterval,
                d, connectConcurrency, compensateLatency);
    }

    public RigHarnessOptions withConnectConcurrency(int n) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, n, compensateLatency);
    }

    public RigHarnessOptions withCompensateLatency(boolean on) {
        return new RigHarnessOptions(cameraCounts, fires, warmupFires, idleWarmup, idle, keepAliveInterval,
                statusPushInterval, connectConcurrency, on);
    }
}
