package io.camrig.cli.bench;

import static io.camrig.cli.bench.OffloadBenchResult.cell;
import static io.camrig.cli.bench.OffloadBenchResult.median;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The third table of {@code camrig bench offload}: the JDK {@code HttpClient} client ({@link OffloadJdkClient}) beside camrig, the floor and curl. */
final class OffloadJdkTable {
    private OffloadJdkTable() {
    }

    /** Medians of the rounds that measured the JDK client, as Markdown; empty when none did. */
    static String table(Map<Integer, List<OffloadBenchResult.Round>> results) {
        if (results.values().stream().flatMap(List::stream).noneMatch(x -> x.jdk() != null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nThe JDK's java.net.http.HttpClient (HTTP/1.1) doing the "
                + "same work (BodySubscriber: pwrite + SHA-256, fsync), same JVM options.%n%n"));
        sb.append("| cameras | jdk MB/s | jdk / curl | jdk / floor | camrig / jdk | jdk CPU s/GB | jdk JVM total CPU s/GB "
                + "| jdk CPU / (curl + sha256) | jdk peak RSS MB |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, List<OffloadBenchResult.Round>> e : results.entrySet()) {
            List<OffloadBenchResult.Round> r = e.getValue().stream().filter(x -> x.jdk() != null).toList();
            List<OffloadBenchResult.Round> f = r.stream().filter(x -> x.floor() != null).toList();
            double rate = median(r, x -> x.jdk().mbps());
            double cpu = median(r, x -> x.jdk().cpuPerGB());
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(),
                    cell("%.0f", rate), cell("%.2f", rate / median(r, OffloadBenchResult.Round::curlMBps)),
                    cell("%.2f", f.isEmpty() ? Double.NaN : median(f, x -> x.jdk().mbps()) / median(f, x -> x.floor().mbps())),
                    cell("%.2f", median(r, OffloadBenchResult.Round::camrigMBps) / rate), cell("%.2f", cpu),
                    cell("%.2f", median(r, x -> x.jdk().jvmCpuPerGB())),
                    cell("%.2f", cpu / median(r, x -> x.curlCpuPerGB() + x.shaCpuPerGB())),
                    cell("%.0f", median(r, x -> x.jdk().rssMB()))));
        }
        return sb.toString();
    }
}
