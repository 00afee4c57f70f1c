package io.camrig.benchmarks.report;

import io.camrig.benchmarks.rig.RigBenchReport;
import io.camrig.benchmarks.rig.RigScaleResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Draws how the rig figures grow with N: four charts in one PNG (fire skew, time to connect,
 * heap per camera, idle CPU per camera), N on a logarithmic axis, each issue-8 target as a dashed
 * line. Input: CSVs that {@code camrig bench rig --csv FILE} writes, each as {@code label=file};
 * the first run gives every chart, the others add their fire-skew lines (e.g. the same rig with
 * latency compensation off).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camrig.benchmarks.report.RigPlot docs/rig-scaling.png "caption" \
 *     "compensation on=rig.csv" "compensation off=rig-nocomp.csv"
 * </pre>
 */
public final class RigPlot {

    private RigPlot() {
    }

    /** {@code RigPlot <out.png> <caption> <label=rig.csv>...}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RigPlot <out.png> <caption> <label=rig.csv> [<label=rig.csv>...]");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Map<String, List<RigScaleResult>> runs = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String label = eq < 0 ? "" : args[i].substring(0, eq);
            runs.put(label, read(Path.of(eq < 0 ? args[i] : args[i].substring(eq + 1))));
        }
        write(runs, args[1], Path.of(args[0]));
    }

    /** Reads a CSV written by {@link RigBenchReport#toCsv()}. */
    public static List<RigScaleResult> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(RigScaleResult.CSV_HEADER)) {
            throw new IOException(csv + " is not a camrig bench rig CSV (header differs)");
        }
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(RigScaleResult::fromCsv).toList();
    }

    /**
     * Renders the four charts, two by two, to {@code png}.
     *
     * @param runs    label → results; the first run fills every chart, later ones add fire skew
     * @param caption appended to the fire-skew title (machine, load), may be blank
     */
    public static void write(Map<String, List<RigScaleResult>> runs, String caption, Path png) throws IOException {
        if (runs.isEmpty() || runs.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no results to plot");
        }
        List<RigScaleResult> results = runs.values().iterator().next();
        XYChart skew = chart("Fire skew" + (caption.isBlank() ? "" : " — " + caption), "µs (log)");
        skew.getStyler().setYAxisLogarithmic(true);
        skew.getStyler().setYAxisDecimalPattern("#,##0");
        skew.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        skew.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        runs.forEach((label, run) -> {
            String suffix = label.isBlank() ? "" : " " + label;
            series(skew, "p50" + suffix, run, RigScaleResult::fireSkewP50Micros);
            series(skew, "p99" + suffix, run, RigScaleResult::fireSkewP99Micros);
        });
        target(skew, "target p99", results, RigBenchReport.TARGET_FIRE_SKEW_P99_MICROS);

        XYChart connect = chart("Time to connect all (Rig.connect)", "ms");
        series(connect, "connect + enable notifications", results, r -> (double) r.connectMillis());

        XYChart heap = chart("Heap per connected camera", "KiB");
        series(heap, "rig (engine + simulated link)", results, r -> r.heapPerCameraBytes() / 1024.0);
        series(heap, "engine only (loopback link)", results, r -> r.engineHeapPerCameraBytes() / 1024.0);
        target(heap, "target < 256 KiB", results, RigBenchReport.TARGET_HEAP_PER_CAMERA_BYTES / 1024.0);

        XYChart cpu = chart("Idle CPU per camera (keep-alive 3 s, status push 1 s)", "% of one core");
        series(cpu, "process (incl. simulator, GC, JIT)", results, RigScaleResult::idleCpuPerCameraPercent);
        series(cpu, "engine threads", results, RigScaleResult::engineCpuPerCameraPercent);
        target(cpu, "target < 0.1 %", results, RigBenchReport.TARGET_IDLE_CPU_PER_CAMERA_PERCENT);

        Charts.saveGrid(List.of(skew, connect, heap, cpu), png);
    }

    private static XYChart chart(String title, String unit) {
        return Charts.chart(title, "cameras (N, log scale)", unit);
    }

    private static void series(XYChart chart, String name, List<RigScaleResult> results,
                               ToDoubleFunction<RigScaleResult> y) {
        chart.addSeries(name, xs(results), results.stream().mapToDouble(y).toArray());
    }

    private static void target(XYChart chart, String name, List<RigScaleResult> results, double value) {
        Charts.target(chart, name, xs(results), value);
    }

    private static double[] xs(List<RigScaleResult> results) {
        return results.stream().mapToDouble(RigScaleResult::cameras).toArray();
    }
}
