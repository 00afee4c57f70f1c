package io.camrig.benchmarks.rig;

import java.util.List;
import java.util.Locale;

/**
 * The figures of one rig size. Times are wall-clock; heap figures are used heap after a full
 * collection; CPU figures are percentages of one core.
 *
 * @param cameras                  simulated cameras N
 * @param connectedCameras         cameras connected and registered (N when all went well)
 * @param simulatorStartMillis     starting N virtual cameras and their HTTP servers, ms
 * @param connectMillis            {@code Rig.connect()}: BLE connect and enable notifications on all, ms
 * @param fireSkewP50Micros        p50 of {@code FireResult.fireSkewMicros} over the measured fires, µs
 * @param fireSkewP99Micros        p99 (nearest rank) of the same, µs
 * @param fireSkewMaxMicros        the largest, µs
 * @param predictedSpreadP99Micros p99 of {@code FireResult.predictedSpreadMicros} (write instant +
 *                                 the engine's latency estimate), µs
 * @param encodingSpreadP50Millis  p50 of {@code FireResult.encodingSpreadMicros}, in ms
 * @param encodingSpreadP99Millis  p99 of the same, ms
 * @param fireFailures             camera outcomes of the measured fires that were not Ok
 * @param heapPerCameraBytes       rig heap per connected camera: engine {@code Camera} plus the
 *                                 simulated link and GATT session, bytes
 * @param engineHeapPerCameraBytes engine only: a {@code Camera} opened on a loopback link, bytes
 * @param simulatorHeapPerCameraBytes a virtual camera with its HTTP server, before any connection, bytes
 * @param heapGrowthPerFireBytes   heap growth per camera per fire pair (on and off) over the fires, bytes
 * @param idleCpuPerCameraPercent  process CPU per camera over the idle window, % of a core
 * @param engineCpuPerCameraPercent the engine's threads only ({@code parallel-*}), % of a core
 * @param simulatorCpuPerCameraPercent the simulator's threads only, % of a core
 * @param jvmCpuPerCameraPercent   GC, JIT and VM threads, % of a core
 * @param keepAlives               keep-alive round trips of the engine's keep-alive loop in the idle
 *                                 window and its warm-up
 * @param keepAliveFailures        keep-alives that failed in the same time
 * @param statusUpdates            status updates delivered to subscribers in the same time
 * @param loadAverage              the machine's 1-minute load average at the end of this size
 * @param warmupFires              warm-up fires before the measured ones (until the JIT was quiet)
 * @param measuredCompileMillis    the JIT's compile time during the measured fires, ms
 * @param realtimeFireThread       whether the rig's fire thread ran under {@code SCHED_FIFO}
 *                                 ({@code Rig.fireThread()})
 */
public record RigScaleResult(int cameras, int connectedCameras, long simulatorStartMillis, long connectMillis,
                             double fireSkewP50Micros, double fireSkewP99Micros, double fireSkewMaxMicros,
                             double predictedSpreadP99Micros, double encodingSpreadP50Millis, double encodingSpreadP99Millis, long fireFailures,
                             long heapPerCameraBytes, long engineHeapPerCameraBytes, long simulatorHeapPerCameraBytes,
                             long heapGrowthPerFireBytes, double idleCpuPerCameraPercent,
                             double engineCpuPerCameraPercent, double simulatorCpuPerCameraPercent,
                             double jvmCpuPerCameraPercent, long keepAlives, long keepAliveFailures,
                             long statusUpdates, double loadAverage, int warmupFires, long measuredCompileMillis,
                             boolean realtimeFireThread) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "cameras,connected_cameras,simulator_start_ms,connect_ms,"
            + "fire_skew_p50_us,fire_skew_p99_us,fire_skew_max_us,predicted_spread_p99_us,encoding_spread_p50_ms,encoding_spread_p99_ms,"
            + "fire_failures,heap_per_camera_bytes,engine_heap_per_camera_bytes,simulator_heap_per_camera_bytes,"
            + "heap_growth_per_fire_bytes,idle_cpu_per_camera_pct,engine_cpu_per_camera_pct,"
            + "simulator_cpu_per_camera_pct,jvm_cpu_per_camera_pct,keep_alives,keep_alive_failures,"
            + "status_updates,load_average,warmup_fires,measured_compile_ms,realtime_fire_thread";

    /** One CSV row, columns as {@link #CSV_HEADER}. */
    public String toCsv() {
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%d,%d,%d,%d,%d,%.5f,%.5f,%.5f,%.5f,%d,%d,%d,%.2f,%d,%d,%b",
                cameras, connectedCameras, simulatorStartMillis, connectMillis, fireSkewP50Micros, fireSkewP99Micros,
                fireSkewMaxMicros, predictedSpreadP99Micros, encodingSpreadP50Millis, encodingSpreadP99Millis, fireFailures, heapPerCameraBytes,
                engineHeapPerCameraBytes, simulatorHeapPerCameraBytes, heapGrowthPerFireBytes, idleCpuPerCameraPercent,
                engineCpuPerCameraPercent, simulatorCpuPerCameraPercent, jvmCpuPerCameraPercent, keepAlives,
                keepAliveFailures, statusUpdates, loadAverage, warmupFires, measuredCompileMillis,
                realtimeFireThread);
    }

    /** Parses a row written by {@link #toCsv()}. */
    public static RigScaleResult fromCsv(String row) {
        List<String> c = List.of(row.trim().split(","));
        if (c.size() != 26) {
            throw new IllegalArgumentException("expected 26 columns, got " + c.size() + ": " + row);
        }
        return new RigScaleResult(i(c, 0), i(c, 1), l(c, 2), l(c, 3), d(c, 4), d(c, 5), d(c, 6), d(c, 7), d(c, 8),
                d(c, 9), l(c, 10), l(c, 11), l(c, 12), l(c, 13), l(c, 14), d(c, 15), d(c, 16), d(c, 17), d(c, 18),
                l(c, 19), l(c, 20), l(c, 21), d(c, 22), i(c, 23), l(c, 24),
                Boolean.parseBoolean(c.get(25)));
    }

    private static int i(List<String> c, int k) {
        return Integer.parseInt(c.get(k));
    }

    private static long l(List<String> c, int k) {
        return Long.parseLong(c.get(k));
    }

    private static double d(List<String> c, int k) {
        return Double.parseDouble(c.get(k));
    }
}
