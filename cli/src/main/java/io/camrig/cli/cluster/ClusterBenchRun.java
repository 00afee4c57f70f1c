package io.camrig.cli.cluster;

import io.camrig.cluster.coordinator.RoundTrips;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The figures of one {@code camrig bench cluster} run, as text and as a CSV row. Not thread-safe. */
final class ClusterBenchRun {
    static final String CSV_HEADER = "nodes,cameras_per_node,fires,complete_fires,spread_p50_us,spread_p99_us,"
            + "spread_max_us,predicted_p50_us,predicted_p99_us,rtt_p50_us,rtt_p99_us,node_loss_ms,heap_mb_max,"
            + "heap_mb_mean,cpu_pct_max,cpu_pct_mean,uncertainty_p50_us,uncertainty_p99_us,radio_p50_us,radio_p99_us,"
            + "radio_max_us";

    private final int nodes;
    private final int cameras;
    private int fires;
    private int complete;
    private int startsMissing;
    private final List<Long> spreads = new ArrayList<>();
    private final List<Long> radio = new ArrayList<>();
    private final List<Long> predicted = new ArrayList<>();
    private final List<Long> uncertainties = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private final Map<String, Double> cpuPercent = new LinkedHashMap<>();
    private final Map<String, Long> heap = new LinkedHashMap<>();
    private long rttP50;
    private long rttP99;
    private long rttCount;
    private long nodeLossNanos = -1;

    ClusterBenchRun(int nodes, int cameras) {
        this.nodes = nodes;
        this.cameras = cameras;
    }

    /**
     * One measured fire: whether every camera's shutter was Ok, and for fire on the true encoding
     * starts, both as handled by the simulator's threads and as the writes' modeled radio arrivals.
     */
    void fire(boolean on, boolean allOk, String failure, List<EncodingStartLog.Start> encodingStarts, OptionalLong predictedSpread,
              int members) {
        fires++;
        if (allOk) {
            complete++;
        } else if (failure != null) {
            failures.merge(failure.length() > 160 ? failure.substring(0, 160) + "…" : failure, 1, Integer::sum);
        }
        if (on && allOk) {
            if (encodingStarts.size() == members) {
                spreads.add(spread(encodingStarts.stream().mapToLong(EncodingStartLog.Start::handledNanos).toArray()));
                radio.add(spread(encodingStarts.stream().mapToLong(EncodingStartLog.Start::arrivedNanos).toArray()));
            } else {
                startsMissing++;
            }
            predictedSpread.ifPresent(predicted::add);
        }
    }

    private static long spread(long[] instants) {
        return java.util.Arrays.stream(instants).max().orElseThrow() - java.util.Arrays.stream(instants).min().orElseThrow();
    }

    void cpu(Map<String, Duration> before, Map<String, Duration> after, long wallNanos) {
        after.forEach((node, d) -> cpuPercent.put(node, 100.0 * d.minus(before.get(node)).toNanos() / wallNanos));
    }

    /** A node's clock uncertainty at a fire, ns. */
    void uncertainty(long nanos) {
        uncertainties.add(nanos);
    }

    void heap(String node, long bytes) {
        heap.put(node, bytes);
    }

    void roundTrips(RoundTrips r) {
        rttP50 = r.percentile(50);
        rttP99 = r.percentile(99);
        rttCount = r.count();
    }

    void nodeLoss(long nanos) {
        nodeLossNanos = nanos;
    }

    boolean allComplete() {
        return complete == fires;
    }

    String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "nodes %d x cameras %d (%d cameras): %d/%d fires complete on every camera%n",
                nodes, cameras, nodes * cameras, complete, fires));
        failures.forEach((f, n) -> b.append(String.format(Locale.ROOT, "  %d fire(s) failed: %s%n", n, f)));
        b.append(String.format(Locale.ROOT, "radio arrival spread of the shutter writes (writes + modeled link latency: what "
                + "cameras with their own radio and CPU see): p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d fires on%s)%n",
                pct(radio, 50) / 1e6, pct(radio, 99) / 1e6, pct(radio, 100) / 1e6,
                radio.size(), startsMissing == 0 ? "" : ", " + startsMissing + " without every camera's start"));
        b.append(String.format(Locale.ROOT, "simulator handling spread of encoding starts (the simulated cameras' threads, "
                + "queued on this machine's cores): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                pct(spreads, 50) / 1e6, pct(spreads, 99) / 1e6, pct(spreads, 100) / 1e6));
        b.append(String.format(Locale.ROOT, "predicted arrival spread (write + estimated latency): p50 %.3f ms, p99 %.3f ms%n",
                pct(predicted, 50) / 1e6, pct(predicted, 99) / 1e6));
        b.append(String.format(Locale.ROOT, "broker round trip: p50 %.3f ms, p99 %.3f ms (%d pings)%n", rttP50 / 1e6,
                rttP99 / 1e6, rttCount));
        b.append(String.format(Locale.ROOT, "clock uncertainty of the nodes at their fires: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                pct(uncertainties, 50) / 1e6, pct(uncertainties, 99) / 1e6, pct(uncertainties, 100) / 1e6));
        b.append(String.format(Locale.ROOT, "node loss (SIGKILL to Last Will at the coordinator): %.0f ms%n",
                nodeLossNanos / 1e6));
        cpuPercent.forEach((node, cpu) -> b.append(String.format(Locale.ROOT, "  %s: CPU %.1f %% of a core during the "
                + "fires, live heap %.1f MB%n", node, cpu, heap.getOrDefault(node, -1L) / 1048576.0)));
        return b.toString();
    }

    String toCsv() {
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d", nodes, cameras, fires,
                complete, pct(spreads, 50) / 1000, pct(spreads, 99) / 1000, pct(spreads, 100) / 1000,
                pct(predicted, 50) / 1000, pct(predicted, 99) / 1000, rttP50 / 1000, rttP99 / 1000, nodeLossNanos / 1_000_000,
                heap.values().stream().mapToLong(Long::longValue).max().orElse(-1) / 1048576.0,
                heap.values().stream().mapToLong(Long::longValue).average().orElse(-1) / 1048576.0,
                cpuPercent.values().stream().mapToDouble(Double::doubleValue).max().orElse(-1),
                cpuPercent.values().stream().mapToDouble(Double::doubleValue).average().orElse(-1),
                pct(uncertainties, 50) / 1000, pct(uncertainties, 99) / 1000,
                pct(radio, 50) / 1000, pct(radio, 99) / 1000, pct(radio, 100) / 1000);
    }

    /** The {@code p}-th percentile (nearest rank), or 0 without values. */
    static long pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] s = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.max(0, Math.ceil(p / 100 * s.length) - 1);
        return s[Math.min(i, s.length - 1)];
    }
}
