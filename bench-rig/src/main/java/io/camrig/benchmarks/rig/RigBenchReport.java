package io.camrig.benchmarks.rig;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link RigHarness} run: where it ran, with which options, and one
 * {@link RigScaleResult} per rig size. Renders as a text table (for people) and as CSV (for the
 * plot generator, {@code io.camrig.benchmarks.report.RigPlot}).
 *
 * @param environment JVM, CPU and load
 * @param options     the harness options
 * @param results     one entry per rig size, in run order
 */
public record RigBenchReport(Environment environment, RigHarnessOptions options, List<RigScaleResult> results) {
    /** Issue 8's targets. */
    public static final double TARGET_FIRE_SKEW_P99_MICROS = 1000;
    public static final int TARGET_FIRE_SKEW_CAMERAS = 128;
    public static final long TARGET_HEAP_PER_CAMERA_BYTES = 256 * 1024;
    public static final double TARGET_IDLE_CPU_PER_CAMERA_PERCENT = 0.1;

    public RigBenchReport {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(options, "options");
        results = List.copyOf(results);
    }

    /** The CSV document: header, then one row per rig size. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(RigScaleResult.CSV_HEADER).append('\n');
        results.forEach(r -> out.append(r.toCsv()).append('\n'));
        return out.toString();
    }

    /** The report for a terminal: environment, a table, and the targets. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "camrig bench rig: %s, %s, %d cores, max heap %d MiB, load %.2f at start%n",
                environment.jvm(), environment.cpu(), environment.cores(), environment.maxHeapBytes() >> 20,
                environment.loadAverage()));
        out.append(String.format(Locale.ROOT,
                "zero link latency; latency compensation %s; %d measured fires (after %d to %d warm-up fires, until"
                        + " the JIT is quiet); idle: keep-alive every %d s, status push every %d s, CPU over %d s"
                        + "%n%s%n%n",
                options.compensateLatency() ? "on" : "off", options.fires(), options.warmupFires(),
                options.maxWarmupFires(),
                options.keepAliveInterval().toSeconds(),
                options.statusPushInterval().toSeconds(), options.idle().toSeconds(), environment.priorities()));
        out.append(String.format("%5s %5s %8s %8s | %8s %8s %8s %8s | %7s %7s | %8s %8s %8s | %8s %8s %8s %8s | %5s%n",
                "N", "ok", "start", "connect", "skew p50", "skew p99", "skew max", "pred p99", "enc p50", "enc p99",
                "heap/cam", "engine", "sim", "cpu/cam", "engine", "sim", "jvm", "load"));
        out.append(String.format("%5s %5s %8s %8s | %8s %8s %8s %8s | %7s %7s | %8s %8s %8s | %8s %8s %8s %8s | %5s%n",
                "", "", "ms", "ms", "µs", "µs", "µs", "µs", "ms", "ms", "KiB", "KiB", "KiB", "%core", "%core", "%core",
                "%core", ""));
        for (RigScaleResult r : results) {
            out.append(String.format(Locale.ROOT,
                    "%5d %5d %8d %8d | %8.0f %8.0f %8.0f %8.0f | %7.2f %7.2f | %8.1f %8.1f %8.1f | %8.4f %8.4f %8.4f %8.4f | %5.2f%n",
                    r.cameras(), r.connectedCameras(), r.simulatorStartMillis(), r.connectMillis(),
                    r.fireSkewP50Micros(), r.fireSkewP99Micros(), r.fireSkewMaxMicros(), r.predictedSpreadP99Micros(),
                    r.encodingSpreadP50Millis(), r.encodingSpreadP99Millis(),
                    r.heapPerCameraBytes() / 1024.0, r.engineHeapPerCameraBytes() / 1024.0,
                    r.simulatorHeapPerCameraBytes() / 1024.0, r.idleCpuPerCameraPercent(),
                    r.engineCpuPerCameraPercent(), r.simulatorCpuPerCameraPercent(), r.jvmCpuPerCameraPercent(),
                    r.loadAverage()));
        }
        out.append('\n');
        for (RigScaleResult r : results) {
            out.append(String.format(Locale.ROOT,
                    "N=%d: fire thread %s; warm after %d fires, the JIT then compiled for %d ms; %d fire outcomes not ok;"
                            + " %d keep-alive round trips, %d failed; %d status updates delivered; heap growth %d B per"
                            + " camera per fire%n",
                    r.cameras(), r.realtimeFireThread() ? "real-time" : "normal", r.warmupFires(),
                    r.measuredCompileMillis(), r.fireFailures(), r.keepAlives(),
                    r.keepAliveFailures(), r.statusUpdates(), r.heapGrowthPerFireBytes()));
        }
        out.append('\n').append(targets());
        return out.toString();
    }

    private String targets() {
        StringBuilder out = new StringBuilder("targets (issue 8):\n");
        results.stream().filter(r -> r.cameras() == TARGET_FIRE_SKEW_CAMERAS).findFirst().ifPresentOrElse(
                r -> out.append(line(String.format(Locale.ROOT, "p99 fire skew at %d cameras < %.0f µs",
                        TARGET_FIRE_SKEW_CAMERAS, TARGET_FIRE_SKEW_P99_MICROS),
                        r.fireSkewP99Micros() < TARGET_FIRE_SKEW_P99_MICROS,
                        String.format(Locale.ROOT, "%.0f µs", r.fireSkewP99Micros()))),
                () -> out.append(String.format("  p99 fire skew: not measured (no run with %d cameras)%n",
                        TARGET_FIRE_SKEW_CAMERAS)));
        for (RigScaleResult r : results) {
            out.append(line(String.format(Locale.ROOT, "N=%d heap per camera (rig) < 256 KiB", r.cameras()),
                    r.heapPerCameraBytes() < TARGET_HEAP_PER_CAMERA_BYTES,
                    String.format(Locale.ROOT, "%.1f KiB", r.heapPerCameraBytes() / 1024.0)));
            out.append(line(String.format(Locale.ROOT, "N=%d idle CPU per camera (process) < 0.1%% of a core", r.cameras()),
                    r.idleCpuPerCameraPercent() < TARGET_IDLE_CPU_PER_CAMERA_PERCENT,
                    String.format(Locale.ROOT, "%.4f%%", r.idleCpuPerCameraPercent())));
        }
        return out.toString();
    }

    private static String line(String target, boolean met, String measured) {
        return String.format("  %-55s %-6s (%s)%n", target, met ? "met" : "MISSED", measured);
    }
}
