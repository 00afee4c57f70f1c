package io.camrig.benchmarks.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * Draws the figures of {@code camrig bench cluster --csv FILE} against the rig's total camera
 * count: four charts in one PNG (cross-node spread of encoding starts p50/p99 with the 2 ms target,
 * as radio arrivals of the shutter writes — the target's measure — and, when the CSV has them, as
 * the simulator's threads handled them, broker round trip p50/p99, CPU and live heap per node, node-loss detection with the 5 s
 * target). Each CSV row is one nodes × cameras run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camrig.benchmarks.report.ClusterPlot docs/cluster-scaling.png \
 *     "caption" cluster.csv
 * </pre>
 */
public final class ClusterPlot {
    /** Issue 16's target: cross-node p99 spread of encoding starts at 4 nodes × 16 cameras, ms. */
    public static final double TARGET_SPREAD_P99_MS = 2;
    /** Issue 16's target: node loss known within, ms. */
    public static final double TARGET_NODE_LOSS_MS = 5000;

    private ClusterPlot() {
    }

    /** One row of the CSV: column name → value. */
    public record Row(Map<String, Double> values) {
        double get(String column) {
            Double v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return v;
        }

        public double cameras() {
            return get("nodes") * get("cameras_per_node");
        }
    }

    /** {@code ClusterPlot <out.png> <caption> <cluster.csv>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ClusterPlot <out.png> <caption> <cluster.csv>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        write(read(Path.of(args[2])), args[1], Path.of(args[0]));
    }

    /** Reads the CSV {@code camrig bench cluster --csv} appends to (one header line, then rows). */
    public static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("nodes,cameras_per_node,")) {
            throw new IOException(csv + " is not a camrig bench cluster CSV (header differs)");
        }
        String[] header = lines.get(0).split(",");
        return lines.stream().skip(1).filter(l -> !l.startsWith("nodes,")).map(l -> {
            String[] cells = l.split(",");
            Map<String, Double> v = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                v.put(header[i], Double.parseDouble(cells[i]));
            }
            return new Row(v);
        }).sorted((a, b) -> Double.compare(a.cameras(), b.cameras())).toList();
    }

    /** Renders the four charts, two by two, to {@code png}; {@code caption} goes in the first title. */
    public static void write(List<Row> rows, String caption, Path png) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no results to plot");
        }
        XYChart spread = chart("Cross-node spread of encoding starts" + (caption.isBlank() ? "" : " — " + caption), "ms");
        // A run where every fire was refused (clock limit) has no spread: left out, not drawn as 0.
        List<Row> fired = rows.stream().filter(r -> r.get("complete_fires") > 0).toList();
        if (!fired.isEmpty() && fired.stream().allMatch(r -> r.values().containsKey("radio_p99_us"))) {
            series(spread, "radio p50", fired, r -> r.get("radio_p50_us") / 1000);
            series(spread, "radio p99", fired, r -> r.get("radio_p99_us") / 1000);
            series(spread, "handling p50", fired, r -> r.get("spread_p50_us") / 1000);
            series(spread, "handling p99", fired, r -> r.get("spread_p99_us") / 1000);
        } else if (!fired.isEmpty()) {
            series(spread, "p50", fired, r -> r.get("spread_p50_us") / 1000);
            series(spread, "p99", fired, r -> r.get("spread_p99_us") / 1000);
            series(spread, "writes + est. latency p99", fired, r -> r.get("predicted_p99_us") / 1000);
        }
        target(spread, "target p99 < 2 ms (4×16)", rows, TARGET_SPREAD_P99_MS);

        XYChart rtt = chart("Broker round trip (coordinator → node → coordinator)", "ms");
        series(rtt, "p50", rows, r -> r.get("rtt_p50_us") / 1000);
        series(rtt, "p99", rows, r -> r.get("rtt_p99_us") / 1000);

        XYChart node = chart("Per node JVM: CPU during fires, live heap", "% of one core / MB");
        series(node, "CPU mean %", rows, r -> r.get("cpu_pct_mean"));
        series(node, "CPU max %", rows, r -> r.get("cpu_pct_max"));
        series(node, "live heap max MB", rows, r -> r.get("heap_mb_max"));

        XYChart loss = chart("Node loss detection (SIGKILL → Last Will)", "ms");
        series(loss, "measured", rows, r -> r.get("node_loss_ms"));
        target(loss, "target ≤ 5 s", rows, TARGET_NODE_LOSS_MS);

        Charts.saveGrid(List.of(spread, rtt, node, loss), png);
    }

    private static XYChart chart(String title, String unit) {
        return Charts.chart(title, "cameras across all nodes (log scale)", unit);
    }

    private static void series(XYChart chart, String name, List<Row> rows, ToDoubleFunction<Row> y) {
        chart.addSeries(name, xs(rows), rows.stream().mapToDouble(y).toArray());
    }

    private static void target(XYChart chart, String name, List<Row> rows, double value) {
        Charts.target(chart, name, xs(rows), value);
    }

    private static double[] xs(List<Row> rows) {
        return rows.stream().mapToDouble(Row::cameras).toArray();
    }
}
