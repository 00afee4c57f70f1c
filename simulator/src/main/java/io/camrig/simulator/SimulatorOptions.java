package io.camrig.simulator;

import io.camrig.simulator.camera.CameraBehaviour;
import io.camrig.simulator.state.NetworkDefinition;
import io.camrig.simulator.state.SimulatedNetworks;
import java.time.Duration;
import java.util.List;
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
 * @param busyAfterCommand how long a camera stays busy after loading a preset group, and how long a
 *                         scan, a provisioning or turning the AP on takes (default 40 ms)
 * @param encodingStopTime how long encoding takes to stop after shutter off (default 60 ms)
 * @param failCameras      1-based indexes of cameras that drop their BLE link mid-recording
 * @param linkDropDelay    how long after shutter on such a camera drops its link (default 100 ms)
 * @param scheduler        the scheduler that times latencies and camera timers (default parallel;
 *                         a {@code VirtualTimeScheduler} in timing tests)
 * @param busyAfterSetting how long a camera stays busy after a setting change, a preset load, a
 *                         custom preset update or deleting all files (default 25 ms)
 * @param networks         the Wi-Fi networks of the simulated world (default
 *                         {@link SimulatedNetworks#defaults()}); SSIDs must be distinct
 * @param emptyScans       how many of each camera's first scans find no network (default 0)
 * @param hostJoinDelay    how long the simulated host Wi-Fi takes to join a network (default 50 ms)
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
        Duration busyAfterSetting,
        List<NetworkDefinition> networks,
        int emptyScans,
        Duration hostJoinDelay) {

    private static final Duration DEFAULT_BUSY_AFTER_SETTING = Duration.ofMillis(25);
    private static final Duration DEFAULT_HOST_JOIN_DELAY = Duration.ofMillis(50);

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
        networks = List.copyOf(networks);
        if (networks.stream().map(NetworkDefinition::ssid).distinct().count() != networks.size()) {
            throw new IllegalArgumentException("network SSIDs must be distinct");
        }
        if (emptyScans < 0) {
            throw new IllegalArgumentException("emptyScans must not be negative, got " + emptyScans);
        }
        if (hostJoinDelay.isNegative()) {
            throw new IllegalArgumentException("hostJoinDelay must not be negative");
        }
    }

    /** The options without the network components, which take their defaults. */
    public SimulatorOptions(int cameras, String modelName, Duration minLatency, Duration maxLatency, long seed,
                            int mediaFileBytes, Duration busyAfterCommand, Duration encodingStopTime,
                            Set<Integer> failCameras, Duration linkDropDelay, Scheduler scheduler,
                            Duration busyAfterSetting) {
        this(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand, encodingStopTime,
                failCameras, linkDropDelay, scheduler, busyAfterSetting, SimulatedNetworks.defaults(), 0,
                DEFAULT_HOST_JOIN_DELAY);
    }

    /** The options without {@link #busyAfterSetting()} and the network components, which take their defaults. */
    public SimulatorOptions(int cameras, String modelName, Duration minLatency, Duration maxLatency, long seed,
                            int mediaFileBytes, Duration busyAfterCommand, Duration encodingStopTime,
                            Set<Integer> failCameras, Duration linkDropDelay, Scheduler scheduler) {
        this(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand, encodingStopTime,
                failCameras, linkDropDelay, scheduler, DEFAULT_BUSY_AFTER_SETTING);
    }

    /** The defaults: 8 HERO12 Black cameras, 10–30 ms latency, 4 MiB files, the default networks. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(8, "HERO12 Black", Duration.ofMillis(10), Duration.ofMillis(30), 42L,
                4 * 1024 * 1024, Duration.ofMillis(40), Duration.ofMillis(60), Set.of(), Duration.ofMillis(100),
                Schedulers.parallel());
    }

    public SimulatorOptions withCameras(int n) {
        return new SimulatorOptions(n, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    public SimulatorOptions withLatency(Duration min, Duration max) {
        return new SimulatorOptions(cameras, modelName, min, max, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    public SimulatorOptions withSeed(long s) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, s, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    public SimulatorOptions withMediaFileBytes(int bytes) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, bytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    public SimulatorOptions withFailCameras(Set<Integer> indexes) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, indexes, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    public SimulatorOptions withScheduler(Scheduler s) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, s, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    /** The simulated model, e.g. {@code "HERO9 Black"}. */
    public SimulatorOptions withModel(String name) {
        return new SimulatorOptions(cameras, name, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                hostJoinDelay);
    }

    /** How long cameras stay busy after preset group loads ({@code command}) and setting changes. */
    public SimulatorOptions withBusy(Duration command, Duration setting) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, command,
                encodingStopTime, failCameras, linkDropDelay, scheduler, setting, networks, emptyScans,
                hostJoinDelay);
    }

    /**
     * The Wi-Fi networks of the simulated world, replacing {@link SimulatedNetworks#defaults()}.
     *
     * @throws IllegalArgumentException when two share an SSID
     */
    public SimulatorOptions withNetworks(List<NetworkDefinition> defined) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, defined, emptyScans,
                hostJoinDelay);
    }

    /** As {@link #withNetworks(List)}. */
    public SimulatorOptions withNetworks(NetworkDefinition... defined) {
        return withNetworks(List.of(defined));
    }

    /**
     * Each camera's first {@code n} scans find nothing: NotifStartScanning SCANNING_SUCCESS with
     * total_entries 0, and Get AP Scan Results lists no entry for them.
     */
    public SimulatorOptions withEmptyScans(int n) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, n,
                hostJoinDelay);
    }

    /** How long the simulated host Wi-Fi ({@link VirtualRig#hostWifi()}) takes to join a network. */
    public SimulatorOptions withHostJoinDelay(Duration delay) {
        return new SimulatorOptions(cameras, modelName, minLatency, maxLatency, seed, mediaFileBytes, busyAfterCommand,
                encodingStopTime, failCameras, linkDropDelay, scheduler, busyAfterSetting, networks, emptyScans,
                delay);
    }

    /** What each virtual camera reads of these options. */
    public CameraBehaviour camera() {
        return new CameraBehaviour(seed, mediaFileBytes, busyAfterCommand, busyAfterSetting, encodingStopTime,
                failCameras, linkDropDelay, scheduler, networks, emptyScans);
    }
}
