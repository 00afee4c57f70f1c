package io.camrig.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable options of a {@link VirtualRig}; change them with the {@code with…} methods.
 *
 * @param cameras          number of virtual cameras, 1..1024 (default 8)
 * @param modelName        camera model, e.g. {@code "HERO12 Black"} (default)
 * @param minLatency       lower bound of the per-camera one-way GATT latency (default 10 ms)
 * @param maxLatency       upper bound of the per-camera one-way GATT latency (default 30 ms); each
 *                         camera draws one latency in [min, max] from {@code seed}
 * @param seed             seed for latencies, serial numbers and media bytes (default 42)
 * @param mediaFileBytes   size of each recorded file in bytes (default 4 MiB)
 * @param busyAfterCommand how long a camera stays busy after loading a preset group (default 40 ms)
 * @param encodingStopTime how long encoding takes to stop after shutter off (default 60 ms)
 * @param failCameras      1-based indexes of cameras that drop their BLE link mid-recording
 * @param linkDropDelay    how long after shutter on such a camera drops its link (default 100 ms)
 * @param scheduler        the scheduler that times latencies and camera timers (default parallel;
 *                         a {@code VirtualTimeScheduler} in timing tests)
 * @param busyAfterSetting how long a camera stays busy after a setting change, a preset load, a
 *                         custom preset update or deleting all files (default 25 ms)
 */
public record SimulatorOptions(
        int cameras,
        String modelName,
        Duration minLatency,
        Duration maxLatency,
        long seed,
        int mediaFileBytes,
        Duration busyAfterCommand,
        Duration encodingStopTime,
        Set<Integer> failCameras,
        Duration linkDropDelay,
        Scheduler scheduler,
        Duration busyAfterSetting) {

    public SimulatorOptions {
        if (cameras < 1 || cameras > 1024) {
            throw new IllegalArgumentException("cameras must be 1..1024, got " + cameras);
        }
        Objects.requireNonNull(modelName, "modelName");
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max");
        }
        if (mediaFileBytes < 1) {
            throw new IllegalArgumentException("mediaFileBytes must be positive");
        }
        failCameras = Set.copyOf(failCameras);
        Objects.requireNonNull(scheduler, "scheduler");
        if (busyAfterSetting.isNegative()) {
            throw new IllegalArgumentException("busyAfterSetting must not be negative");
        }
    }

    /** The options without {@link #busyAfterSetting()}, which takes its default. */
    public SimulatorOptions(int cameras, String modelName, Duration minLatency, Duration maxLatency, long seed,
                            int mediaFileBytes, Duration busyAfterCommand, Duration encodingStopTime,
                            Set<Integer> failCameras, Duration linkDropDelay, Scheduler scheduler) {
        this(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand, encodingStopTime,
                failCameras, linkDropDelay, scheduler, DEFAULT_BUSY_AFTER_SETTING);
    }

    private static final Duration DEFAULT_BUSY_AFTER_SETTING = Duration.ofMillis(25);

    /** The defaults: 8 HERO12 Black cameras, 10–30 ms latency, 4 MiB files. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(8, "HERO12 Black", Duration.ofMillis(10), Duration.ofMillis(30), 42L,
                4 * 1024 * 1024, Duration.ofMillis(40), Duration.ofMillis(60), Set.of(), Duration.ofMillis(100),
                Schedulers.parallel());
    }

    public SimulatorOptions withCameras(int n) {
        return new SimulatorOptions(n, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting);
    }

    public SimulatorOptions withLatency(Duration min, Duration max) {
        return new SimulatorOptions(cameras, modelName, min, max, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, s, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting);
    }

    public SimulatorOptions withMediaFileBytes(int bytes) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, bytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting);
    }

    public SimulatorOptions withFailCameras(Set<Integer> indexes) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, indexes, linkDropDelay, scheduler, busyAfterSetting);
    }

    public SimulatorOptions withScheduler(Scheduler s) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, s, busyAfterSetting);
    }

    /** The simulated model, e.g. {@code "HERO9 Black"}. */
    public SimulatorOptions withModel(String name) {
        return new SimulatorOptions(cameras, name, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting);
    }

    /** How long cameras stay busy after preset group loads ({@code command}) and setting changes. */
    public SimulatorOptions withBusy(Duration command, Duration setting) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, command,
                encodingStopTime, failCameras, linkDropDelay, scheduler, setting);
    }
}
