package io.camrig.benchmarks.rig;

import io.camrig.benchmarks.support.LoopbackGattConnection;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.FireThread;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Measures a rig as it grows: for each N, N simulated cameras with zero link latency, driven
 * through the engine's public API ({@link Rig}, {@link Camera}) as an application would.
 *
 * <p>Per rig size, in this order:
 * <ol>
 *   <li><b>engine heap</b>: N {@link Camera}s opened on {@link LoopbackGattConnection}s; used heap
 *       after GC, delta / N; then closed;</li>
 *   <li><b>simulator start</b>: {@link VirtualRig#start} (N virtual cameras, N HTTP servers);</li>
 *   <li><b>connect</b>: discover, then {@link Rig#connect()} (BLE connect + enable notifications)
 *       is timed; then, as {@code RecordingSession} does, the engine's keep-alive loop is started,
 *       statuses are registered (busy, encoding, battery), every camera is awaited ready and its
 *       latency probed; <b>rig heap</b> per camera = used-heap delta over these steps / N;</li>
 *   <li><b>fires</b>: warm-up fires until the JIT is quiet ({@link JitWarmup}), then the
 *       measured ones; each is {@link Rig#fire}(true)
 *       (its {@link FireResult#fireSkewMicros()}, {@link FireResult#predictedSpreadMicros()} and
 *       {@link FireResult#encodingSpreadMicros()} are the samples) followed by
 *       {@code fire(false)}, which waits for encoding to stop, so the next shutter-on is
 *       accepted;</li>
 *   <li><b>idle</b>: the keep-alive loop goes on, and each simulated camera changes its battery
 *       level every {@code statusPushInterval}, which pushes a status update that a subscriber of
 *       {@link Camera#statusUpdates()} counts; after a warm-up, CPU time is read over the idle
 *       window and divided by the window and by N.</li>
 * </ol>
 * The engine runs with {@link CameraOptions#defaults()} (Reactor's parallel scheduler); the
 * simulator gets its own threads ({@value #SIMULATOR_THREADS}-*) so that CPU can be split by
 * thread. Everything runs in this one process: the process CPU figure includes the simulator.
 */
public final class RigHarness {
    /** Name prefix of the simulator's threads. */
    static final String SIMULATOR_THREADS = "camrig-sim";
    /** Name of the harness's timer thread. */
    static final String DRIVER_THREAD = "bench-driver";
    private static final Duration STEP_LIMIT = Duration.ofMinutes(3);
    /** Keep-alive round trips per camera before firing, as {@code SessionOptions} does by default. */
    private static final int LATENCY_PROBES = 5;
    private static final String KEEP_ALIVE_FAILURES = "camrig.keepalive.failures";
    /** Cameras of the throw-away warm-up run. */
    static final int WARMUP_CAMERAS = 4;

    private final RigHarnessOptions options;
    private final Consumer<String> progress;

    /**
     * @param options  what to measure
     * @param progress receives one line per phase (for stderr)
     */
    public RigHarness(RigHarnessOptions options, Consumer<String> progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Measures every rig size in turn, after a throw-away run of {@value #WARMUP_CAMERAS} cameras
     * (class loading, static tables and first compilations would otherwise be charged to the
     * first size). Blocking: it takes seconds to minutes.
     */
    public RigBenchReport run() {
        Environment environment = Environment.capture();
        progress.accept("warm-up run (" + WARMUP_CAMERAS + " cameras, not reported)");
        measure(WARMUP_CAMERAS, options.withFires(2).withWarmupFires(0).withIdle(Duration.ZERO, Duration.ofMillis(200)),
                line -> { });
        List<RigScaleResult> results = new ArrayList<>();
        for (int n : options.cameraCounts()) {
            results.add(measure(n, options, progress));
        }
        return new RigBenchReport(environment, options, results);
    }

    private RigScaleResult measure(int n, RigHarnessOptions settings, Consumer<String> log) {
        HeapMeter.settle();
        log.accept(String.format("N=%d: engine heap (%d cameras on loopback links)", n, n));
        long engineHeap = engineHeapPerCamera(n);
        Scheduler simulator = Schedulers.newParallel(SIMULATOR_THREADS, Runtime.getRuntime().availableProcessors(), true);
        Scheduler driver = Schedulers.newSingle(DRIVER_THREAD, true);
        try {
            log.accept(String.format("N=%d: starting %d virtual cameras and HTTP servers", n, n));
            long beforeSimulator = HeapMeter.usedAfterGc();
            long started = System.nanoTime();
            VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(n)
                    .withLatency(Duration.ZERO, Duration.ZERO).withScheduler(simulator)).block(STEP_LIMIT);
            try (sim) {
                long simulatorStart = millisSince(started);
                long afterSimulator = HeapMeter.usedAfterGc();
                RigOptions rigOptions = RigOptions.defaults().withExpectedCameras(n)
                        .withConnectConcurrency(settings.connectConcurrency())
                        .withKeepAliveInterval(settings.keepAliveInterval())
                        .withCompensateLatency(settings.compensateLatency());
                try (Rig rig = Rig.discover(sim.central(), rigOptions).block(STEP_LIMIT)) {
                    log.accept(String.format("N=%d: connecting", n));
                    long connecting = System.nanoTime();
                    rig.connect().block(STEP_LIMIT);
                    long connect = millisSince(connecting);
                    // As RecordingSession: keep-alives from connection on, statuses, ready, latency.
                    rig.startKeepAlive();
                    rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id(), Status.INTERNAL_BATTERY_PERCENTAGE.id())
                            .block(STEP_LIMIT);
                    rig.forEach("arm", c -> c.awaitReady(rigOptions.readyTimeout()), v -> "").block(STEP_LIMIT);
                    rig.measureLatency(LATENCY_PROBES).block(STEP_LIMIT);
                    int connected = rig.healthy().size();
                    long afterConnect = HeapMeter.usedAfterGc();

                    FireThread fireThread = rig.fireThread();
                    log.accept(String.format("N=%d: fire thread %s", n, fireThread.detail()));
                    log.accept(String.format("N=%d: %d to %d warm-up fires (until the JIT is quiet), then %d measured",
                            n, settings.warmupFires(), settings.maxWarmupFires(), settings.fires()));
                    FireStats fires = fire(rig, settings);
                    log.accept(String.format("N=%d: warm after %d fires; the JIT compiled for %d ms during the measured"
                            + " fires", n, fires.warmupFires(), fires.compileMillis()));
                    log.accept(String.format("N=%d: %d of %d measured fires had a garbage collection during them%s", n,
                            fires.collectedSkews().size(), settings.fires(), fires.collectedSkews().isEmpty() ? ""
                                    : "; their skews " + fires.collectedSkews() + " µs"));
                    long afterFires = HeapMeter.usedAfterGc();

                    log.accept(String.format("N=%d: idle load, %d s warm-up + %d s measured", n,
                            settings.idleWarmup().toSeconds(), settings.idle().toSeconds()));
                    IdleStats idle = idle(rig, sim, driver, settings);
                    CpuMeter.Usage cpu = idle.usage();
                    return new RigScaleResult(n, connected, simulatorStart, connect,
                            fires.skewP50(), fires.skewP99(), fires.skewMax(), fires.predictedP99(),
                            fires.spreadP50(), fires.spreadP99(), fires.failures(),
                            (afterConnect - afterSimulator) / n, engineHeap, (afterSimulator - beforeSimulator) / n,
                            (afterFires - afterConnect) / n / (fires.warmupFires() + settings.fires()),
                            cpu.processPercentPerCamera(n), cpu.groupPercentPerCamera(CpuMeter.Group.ENGINE, n),
                            cpu.groupPercentPerCamera(CpuMeter.Group.SIMULATOR, n), cpu.jvmPercentPerCamera(n),
                            idle.keepAlives(), idle.keepAliveFailures(), idle.statusUpdates(),
                            Environment.currentLoadAverage(), fires.warmupFires(), fires.compileMillis(),
                            fireThread.realtime());
                }
            }
        } finally {
            driver.dispose();
            simulator.dispose();
        }
    }

    /**
     * Heap of N cameras on loopback links, per camera: the median of three rounds, because a
     * delta of a few KiB per camera is within the noise of one reading at small N.
     */
    private static long engineHeapPerCamera(int n) {
        List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long before = HeapMeter.usedAfterGc();
            List<Camera> cameras = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String address = String.format("02:00:00:00:%02X:%02X", i >>> 8, i & 0xFF);
                cameras.add(Camera.open(new LoopbackGattConnection(address), "loopback " + (i + 1),
                        CameraOptions.defaults()).block(STEP_LIMIT));
            }
            long after = HeapMeter.usedAfterGc();
            cameras.forEach(Camera::close);
            rounds.add((after - before) / n);
        }
        return (long) Percentiles.of(rounds, 50);
    }

    /**
     * @param collectedSkews the skews, µs, of the measured fires during which the JVM ran a garbage
     *                       collection: a pause that lands between the first and the last write of
     *                       a fire adds itself to that fire's skew
     * @param warmupFires    warm-up fires before the measured ones
     * @param compileMillis  the JIT's compile time during the measured fires, ms
     */
    private record FireStats(double skewP50, double skewP99, double skewMax, double predictedP99, double spreadP50,
                             double spreadP99, long failures, List<Long> collectedSkews, int warmupFires,
                             long compileMillis) {
    }

    private static FireStats fire(Rig rig, RigHarnessOptions settings) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        JitWarmup warmup = new JitWarmup(settings.warmupFires(), settings.maxWarmupFires());
        while (warmup.needsMore()) {
            long compiled = compileMillis(jit);
            rig.fire(true).block(STEP_LIMIT);
            rig.fire(false).block(STEP_LIMIT);
            warmup.fired(compileMillis(jit) - compiled);
        }
        List<Long> skews = new ArrayList<>();
        List<Long> predicted = new ArrayList<>();
        List<Double> spreads = new ArrayList<>();
        List<Long> collectedSkews = new ArrayList<>();
        long failures = 0;
        long compiledBefore = compileMillis(jit);
        for (int i = 0; i < settings.fires(); i++) {
            long collections = collections();
            FireResult on = rig.fire(true).block(STEP_LIMIT);
            boolean collected = collections() != collections;
            FireResult off = rig.fire(false).block(STEP_LIMIT);
            on.fireSkewMicros().ifPresent(skews::add);
            if (collected) {
                on.fireSkewMicros().ifPresent(collectedSkews::add);
            }
            on.predictedSpreadMicros().ifPresent(predicted::add);
            on.encodingSpreadMicros().ifPresent(v -> spreads.add(v / 1e3));
            failures += notOk(on.shutter()) + notOk(on.encoding()) + notOk(off.shutter()) + notOk(off.encoding());
        }
        return new FireStats(percentile(skews, 50), percentile(skews, 99), percentile(skews, 100),
                percentile(predicted, 99), percentile(spreads, 50), percentile(spreads, 99), failures, collectedSkews,
                warmup.fires(), compileMillis(jit) - compiledBefore);
    }

    /** The JIT's compile time so far, ms; 0 when this JVM does not measure it. */
    private static long compileMillis(CompilationMXBean jit) {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Collections run by every collector of this JVM so far (young and old, pauses or cycles). */
    private static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    private static long notOk(RigResult<?> result) {
        return result.outcomes().values().stream().filter(o -> !o.isOk()).count();
    }

    private static double percentile(List<? extends Number> samples, double p) {
        return samples.isEmpty() ? Double.NaN : Percentiles.of(samples, p);
    }

    private record IdleStats(CpuMeter.Usage usage, long keepAlives, long keepAliveFailures, long statusUpdates) {
    }

    private static IdleStats idle(Rig rig, VirtualRig sim, Scheduler driver, RigHarnessOptions settings) {
        List<Camera> cameras = rig.healthy().stream().map(m -> m.camera().orElseThrow()).toList();
        LongAdder updates = new LongAdder();
        Disposable.Composite load = Disposables.composite();
        try {
            cameras.forEach(c -> load.add(c.statusUpdates().subscribe(u -> updates.increment(), e -> { })));
            load.add(Flux.interval(settings.statusPushInterval(), driver).subscribe(t -> sim.cameras().forEach(
                    v -> v.statuses().setInt(Status.INTERNAL_BATTERY_PERCENTAGE.id(), 1, 80 + (t % 2)))));
            long probesBefore = latencySamples(rig);
            double failuresBefore = rig.metrics().total(KEEP_ALIVE_FAILURES);
            Mono.delay(settings.idleWarmup(), driver).block();
            CpuMeter.Snapshot start = CpuMeter.snapshot();
            Mono.delay(settings.idle(), driver).block();
            CpuMeter.Snapshot end = CpuMeter.snapshot();
            return new IdleStats(CpuMeter.between(start, end), latencySamples(rig) - probesBefore,
                    (long) (rig.metrics().total(KEEP_ALIVE_FAILURES) - failuresBefore), updates.sum());
        } finally {
            load.dispose();
        }
    }

    /** Keep-alive round trips so far: each one adds a sample to its camera's latency estimate. */
    private static long latencySamples(Rig rig) {
        return rig.members().stream().mapToLong(m -> m.latency().samples()).sum();
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
