package io.camrig.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** One measured round of {@code camrig bench offload} per camera count, and the report built from the rounds. */
final class OffloadBenchResult {
    private static final String[] COLOURS = {"#2b6cb0", "#a0aec0", "#68a063"};

    private OffloadBenchResult() {
    }

    /**
     * One round for {@code cameras} cameras.
     *
     * @param camrigMBps camrig's aggregate rate during the transfer, 10^6 bytes/s
     * @param camrigCpuPerGB camrig's CPU during the transfer, s per 10^9 bytes
     * @param camrigJvmCpuPerGB camrig's whole JVM (start-up, JIT, transfer), s per 10^9 bytes
     * @param camrigRssMB camrig's peak RSS, MB
     * @param camrigAnonMB camrig's anonymous resident memory at the end (heap, metaspace, code, Netty), MB
     * @param camrigFileMB camrig's file-backed resident memory at the end (libjvm, CDS archive, jar), MB
     * @param curlMBps curl's aggregate rate (wall time of the parallel curls), or NaN
     * @param curlCpuPerGB curl's CPU, s per 10^9 bytes, or NaN
     * @param shaCpuPerGB {@code openssl dgst -sha256}'s CPU on the same files, s per 10^9 bytes, or NaN
     * @param curlRssMB the sum of the curls' peak RSS, MB
     * @param floor the JDK-only floor client's figures ({@link OffloadFloorClient}), or {@code null}
     *     when not measured
     * @param pipeMBps {@code curl | tee FILE | openssl dgst -sha256} per camera in parallel (hashing
     *     while streaming, in native code, no fsync): aggregate rate, or NaN
     * @param pipeCpuPerGB that pipeline's CPU (curl, tee and openssl), s per 10^9 bytes, or NaN
     * @param jdk the JDK {@code HttpClient} client's figures ({@link OffloadJdkClient}), or {@code null}
     *     when not measured
     * @param curlMachine the whole machine during curl's run ({@link OffloadHeadroom}), or {@code null}
     *     when curl did not run or {@code /proc/stat} is absent
     */
    record Round(int round, int cameras, double camrigMBps, double camrigCpuPerGB, double camrigJvmCpuPerGB,
            double camrigRssMB, double camrigAnonMB, double camrigFileMB, double curlMBps, double curlCpuPerGB, double shaCpuPerGB,
            double curlRssMB, Floor floor, double pipeMBps, double pipeCpuPerGB, Floor jdk,
            OffloadHeadroom.Machine curlMachine) {

        /** A round without the machine's figures during curl's run. */
        Round(int round, int cameras, double camrigMBps, double camrigCpuPerGB, double camrigJvmCpuPerGB,
                double camrigRssMB, double camrigAnonMB, double camrigFileMB, double curlMBps, double curlCpuPerGB,
                double shaCpuPerGB, double curlRssMB, Floor floor, double pipeMBps, double pipeCpuPerGB, Floor jdk) {
            this(round, cameras, camrigMBps, camrigCpuPerGB, camrigJvmCpuPerGB, camrigRssMB, camrigAnonMB, camrigFileMB,
                    curlMBps, curlCpuPerGB, shaCpuPerGB, curlRssMB, floor, pipeMBps, pipeCpuPerGB, jdk, null);
        }

        /** A round without the JDK HttpClient client. */
        Round(int round, int cameras, double camrigMBps, double camrigCpuPerGB, double camrigJvmCpuPerGB,
                double camrigRssMB, double camrigAnonMB, double camrigFileMB, double curlMBps, double curlCpuPerGB,
                double shaCpuPerGB, double curlRssMB, Floor floor, double pipeMBps, double pipeCpuPerGB) {
            this(round, cameras, camrigMBps, camrigCpuPerGB, camrigJvmCpuPerGB, camrigRssMB, camrigAnonMB, camrigFileMB,
                    curlMBps, curlCpuPerGB, shaCpuPerGB, curlRssMB, floor, pipeMBps, pipeCpuPerGB, null);
        }

        String line() {
            return String.format(Locale.ROOT, "round %d, %d camera(s): camrig %.0f MB/s %.2f CPU s/GB (JVM %.2f) %.0f MB RSS"
                    + " (anon %.0f, file %.0f) | curl %.0f MB/s %.2f CPU s/GB + sha256 %.2f, %.0f MB RSS%s", round, cameras, camrigMBps,
                    camrigCpuPerGB, camrigJvmCpuPerGB, camrigRssMB, camrigAnonMB, camrigFileMB, curlMBps, curlCpuPerGB, shaCpuPerGB,
                    curlRssMB, floor == null ? "" : String.format(Locale.ROOT, " | floor %.0f MB/s %.2f CPU s/GB (JVM %.2f) %.0f MB RSS",
                            floor.mbps(), floor.cpuPerGB(), floor.jvmCpuPerGB(), floor.rssMB()))
                    + (Double.isNaN(pipeMBps) ? "" : String.format(Locale.ROOT, " | curl|tee|sha256 %.0f MB/s %.2f CPU s/GB",
                            pipeMBps, pipeCpuPerGB))
                    + (jdk == null ? "" : String.format(Locale.ROOT, " | jdk %.0f MB/s %.2f CPU s/GB (JVM %.2f) %.0f MB RSS",
                            jdk.mbps(), jdk.cpuPerGB(), jdk.jvmCpuPerGB(), jdk.rssMB()))
                    + (curlMachine == null ? "" : String.format(Locale.ROOT, " | machine during curl: %.0f %% busy, %.2f CPU s/GB",
                            curlMachine.busy() * 100, curlMachine.cpuPerGB()));
        }
    }

    /**
     * The JDK-only floor client's figures in one round: what a JVM needs for the same work.
     *
     * @param mbps aggregate rate during the transfer, 10^6 bytes/s
     * @param cpuPerGB CPU during the transfer, s per 10^9 bytes
     * @param jvmCpuPerGB its whole JVM, s per 10^9 bytes
     * @param rssMB peak RSS, MB
     */
    record Floor(double mbps, double cpuPerGB, double jvmCpuPerGB, double rssMB) {
    }

    /** Which clients run in a round, and in what order (rotated round by round so none always goes first). */
    enum Client { CAMRIG, CURL, FLOOR, PIPE, JDK }

    static List<Client> order(int round, boolean floor) {
        return order(round, floor, false);
    }

    static List<Client> order(int round, boolean floor, boolean pipe) {
        return order(round, floor, pipe, false);
    }

    static List<Client> order(int round, boolean floor, boolean pipe, boolean jdk) {
        List<Client> all = new ArrayList<>(List.of(Client.CAMRIG, Client.CURL));
        if (floor) {
            all.add(Client.FLOOR);
        }
        if (pipe) {
            all.add(Client.PIPE);
        }
        if (jdk) {
            all.add(Client.JDK);
        }
        java.util.Collections.rotate(all, (round - 1) % all.size());
        return all;
    }

    static Round measure(int round, int k, int fileSize, List<String> urls, String path, Path work, String java,
            String cp, String clientJvm, String camrigJava, String camrigJvm, long warmUp, boolean warmUpOffload, boolean curl, boolean openssl, boolean floor,
            boolean pipe,
            List<String> jdk, String jdkJvm) throws IOException, InterruptedException {
        double gb = (double) k * fileSize / 1e9;
        double[] theirs = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};    // MB/s, CPU/GB, sha CPU/GB, RSS MB
        double[] mine = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}; // MB/s, CPU/GB,
                // JVM CPU/GB, RSS MB, anon MB, file MB
        Floor least = null;
        Floor onJdk = null;
        OffloadHeadroom.Machine machine = null;
        double[] piped = {Double.NaN, Double.NaN};
        for (Client client : order(round, floor, pipe && curl && openssl, jdk != null)) {
            if (client == Client.CURL && curl) {
                Path d = Files.createDirectories(work.resolve("curl"));
                List<List<String>> cmds = new ArrayList<>();
                List<List<String>> sha = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    cmds.add(List.of("curl", "-s", "-f", "-o", d.resolve("f" + i).toString(), urls.get(i) + path));
                    sha.add(List.of("openssl", "dgst", "-sha256", d.resolve("f" + i).toString()));
                }
                Optional<MachineCpu> before = MachineCpu.now();
                OffloadBenchProcesses.Usage u = OffloadBenchProcesses.runAll(cmds);
                Optional<MachineCpu> after = MachineCpu.now();
                if (before.isPresent() && after.isPresent()) {
                    machine = OffloadHeadroom.Machine.between(before.get(), after.get(), gb);
                }
                theirs[0] = k * (double) fileSize / 1e6 / u.wallSeconds();
                theirs[1] = u.cpuSeconds() / gb;
                theirs[3] = u.rssKbSum() / 1024.0;
                if (openssl) {
                    theirs[2] = OffloadBenchProcesses.runAll(sha).cpuSeconds() / gb;
                }
                delete(d);
            } else if (client == Client.CAMRIG) {
                Path d = work.resolve("camrig");
                List<String> cmd = new ArrayList<>(OffloadBenchProcesses.camrigClient(camrigJava, camrigJvm, cp));
                cmd.addAll(List.of("bench", "offload-client", "--to", d.toString(), "--warm-up-bytes",
                        String.valueOf(warmUp)));
                if (warmUpOffload) {
                    cmd.add("--warm-up-offload");
                }
                for (String u : urls) {
                    cmd.addAll(List.of("--url", u));
                }
                OffloadBenchProcesses.Usage u = OffloadBenchProcesses.runAll(List.of(cmd));
                JsonNode r = lastJson(u);
                if (r.path("failures").asInt(1) != 0) {
                    throw new IOException("camrig offload failed: " + r.path("firstFailure").asText());
                }
                mine[0] = r.get("bytes").asLong() / 1e6 / r.get("seconds").asDouble();
                mine[1] = r.get("cpuSeconds").asDouble() / gb;
                mine[2] = u.rssKbSum() >= 0 ? u.cpuSeconds() / gb : Double.NaN;
                mine[3] = r.get("rssPeakKb").asLong() / 1024.0;
                mine[4] = r.path("rssAnonKb").asLong(-1) / 1024.0;
                mine[5] = r.path("rssFileKb").asLong(-1) / 1024.0;
                delete(d);
            } else if (client == Client.FLOOR) {
                least = jvmClient(OffloadFloorClient.class, List.of(), urls, path, work.resolve("floor"), java, cp, clientJvm,
                        warmUp, gb);
            } else if (client == Client.JDK) {
                try {
                    onJdk = jvmClient(OffloadJdkClient.class, jdk, urls, path, work.resolve("jdk"), java, cp, jdkJvm, warmUp, gb);
                } catch (IOException e) {
                    // the JDK client failing (an OutOfMemoryError under -Xmx16m) is a finding, not the end of the bench
                    System.err.println("jdk client failed: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
                    delete(work.resolve("jdk"));
                }
            } else if (client == Client.PIPE) {
                Path d = Files.createDirectories(work.resolve("pipe"));
                List<List<String>> cmds = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    cmds.add(List.of("sh", "-c", "curl -s -f \"$1\" | tee \"$2\" | openssl dgst -sha256 >/dev/null", "pipe",
                            urls.get(i) + path, d.resolve("f" + i).toString()));
                }
                OffloadBenchProcesses.Usage u = OffloadBenchProcesses.runAll(cmds);
                piped[0] = k * (double) fileSize / 1e6 / u.wallSeconds();
                piped[1] = u.rssKbSum() >= 0 ? u.cpuSeconds() / gb : Double.NaN;
                delete(d);
            }
        }
        return new Round(round, k, mine[0], mine[1], mine[2], mine[3], mine[4], mine[5], theirs[0], theirs[1], theirs[2],
                theirs[3], least, piped[0], piped[1], onJdk, machine);
    }

    /**
     * Runs a JDK-only client ({@link OffloadFloorClient} or {@link OffloadJdkClient}, with {@code
     * options}) in its own JVM with the camrig client's options, from the same (offload) jar.
     */
    private static Floor jvmClient(Class<?> main, List<String> options, List<String> urls, String path, Path d,
            String java, String cp, String clientJvm, long warmUp, double gb) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (!clientJvm.isBlank()) {
            cmd.addAll(List.of(clientJvm.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", OffloadBenchProcesses.offloadClassPath(cp), main.getName(),
                "--to", d.toString(), "--warm-up-bytes", String.valueOf(warmUp)));
        cmd.addAll(options);
        for (String u : urls) {
            cmd.add(u + path);
        }
        OffloadBenchProcesses.Usage u = OffloadBenchProcesses.runAll(List.of(cmd));
        JsonNode r = lastJson(u);
        delete(d);
        return new Floor(r.get("bytes").asLong() / 1e6 / r.get("seconds").asDouble(), r.get("cpuSeconds").asDouble() / gb,
                u.rssKbSum() >= 0 ? u.cpuSeconds() / gb : Double.NaN, r.get("rssPeakKb").asLong() / 1024.0);
    }

    private static JsonNode lastJson(OffloadBenchProcesses.Usage u) throws IOException {
        return new ObjectMapper().readTree(u.stdout().get(0).lines().reduce((a, b) -> b).orElse("{}"));
    }

    static void delete(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {@link #table(Map, int, double)} without the JDK's SHA-256 cost (the headroom then uses openssl's). */
    static String table(Map<Integer, List<Round>> results, int fileSize) {
        return table(results, fileSize, Double.NaN);
    }

    /**
     * The Markdown table of medians and ratios, with the targets, then the other clients' and the
     * headroom ({@link OffloadHeadroom}, SHA-256 at {@code jdkShaCpuPerGB} s per 10^9 bytes or NaN).
     */
    static String table(Map<Integer, List<Round>> results, int fileSize, double jdkShaCpuPerGB) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Medians over %d round(s), %d MiB per camera.%n%n",
                results.values().iterator().next().size(), fileSize >> 20));
        sb.append("| cameras | camrig MB/s | curl MB/s | MB/s ratio (≥ 0.9) | camrig CPU s/GB | JVM total CPU s/GB "
                + "| curl + sha256 CPU s/GB | CPU ratio (≤ 2) | camrig peak RSS MB | of it at the end: anon + file MB | curl RSS MB (sum) |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, List<Round>> e : results.entrySet()) {
            List<Round> r = e.getValue();
            double mine = median(r, Round::camrigMBps);
            double theirs = median(r, Round::curlMBps);
            double cpu = median(r, Round::camrigCpuPerGB);
            double base = median(r, x -> x.curlCpuPerGB() + x.shaCpuPerGB());
            sb.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f + %.0f | %.0f |%n",
                    e.getKey(), mine, theirs, mine / theirs, cpu, median(r, Round::camrigJvmCpuPerGB), base,
                    cpu / base, median(r, Round::camrigRssMB), median(r, Round::camrigAnonMB), median(r, Round::camrigFileMB),
                    median(r, Round::curlRssMB)));
        }
        boolean floors = results.values().stream().flatMap(List::stream).anyMatch(x -> x.floor() != null);
        boolean pipes = results.values().stream().flatMap(List::stream).anyMatch(x -> !Double.isNaN(x.pipeMBps()));
        if (floors || pipes) {
            sb.append(String.format(Locale.ROOT, "%nBeside them: the floor, a JDK-only client doing the same work (GET, pwrite, "
                    + "SHA-256 on a second thread, fsync), same JVM options; and curl | tee FILE | openssl dgst -sha256 "
                    + "(hashing while streaming in native code, no fsync).%n%n"));
            sb.append("| cameras | floor MB/s | floor / curl | camrig / floor | floor CPU s/GB | floor JVM total CPU s/GB "
                    + "| camrig CPU / floor CPU | floor peak RSS MB | curl\\|tee\\|sha256 MB/s | its / curl | its CPU s/GB |\n");
            sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<Integer, List<Round>> e : results.entrySet()) {
                List<Round> r = e.getValue().stream().filter(x -> x.floor() != null).toList();
                double rate = median(r, x -> x.floor().mbps());
                double cpu = median(r, x -> x.floor().cpuPerGB());
                double pipe = median(e.getValue(), Round::pipeMBps);
                sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        e.getKey(), cell("%.0f", rate), cell("%.2f", rate / median(r, Round::curlMBps)),
                        cell("%.2f", median(r, Round::camrigMBps) / rate), cell("%.2f", cpu),
                        cell("%.2f", median(r, x -> x.floor().jvmCpuPerGB())),
                        cell("%.2f", median(r, Round::camrigCpuPerGB) / cpu), cell("%.0f", median(r, x -> x.floor().rssMB())),
                        cell("%.0f", pipe), cell("%.2f", pipe / median(e.getValue(), Round::curlMBps)),
                        cell("%.2f", median(e.getValue(), Round::pipeCpuPerGB))));
            }
        }
        sb.append(OffloadJdkTable.table(results));
        sb.append(OffloadHeadroom.table(results, jdkShaCpuPerGB));
        return sb.toString();
    }

    /** One table cell: {@code value} in {@code format}, or a dash when the client was left out or failed (NaN). */
    static String cell(String format, double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    /** A grouped bar chart of MB/s (camrig, curl) and CPU s/GB (camrig, curl + sha256) per camera count. */
    static String svg(Map<Integer, List<Round>> results, int fileSize) {
        int w = 720;
        int h = 300;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\">camrig offload vs curl, %d MiB per "
                + "camera (medians; left: MB/s, right: client CPU s/GB)</text>%n", fileSize >> 20));
        double maxRate = 1;
        double maxCpu = 0.1;
        for (List<Round> r : results.values()) {
            maxRate = Math.max(maxRate, Math.max(median(r, Round::camrigMBps), median(r, Round::curlMBps)));
            maxCpu = Math.max(maxCpu, Math.max(median(r, Round::camrigCpuPerGB),
                    median(r, x -> x.curlCpuPerGB() + x.shaCpuPerGB())));
            List<Round> f = r.stream().filter(x -> x.floor() != null).toList();
            if (!f.isEmpty()) {
                maxRate = Math.max(maxRate, median(f, x -> x.floor().mbps()));
                maxCpu = Math.max(maxCpu, median(f, x -> x.floor().cpuPerGB()));
            }
        }
        boolean withFloor = results.values().stream().flatMap(List::stream).anyMatch(x -> x.floor() != null);
        int group = 0;
        for (Map.Entry<Integer, List<Round>> e : results.entrySet()) {
            List<Round> r = e.getValue();
            List<Round> f = r.stream().filter(x -> x.floor() != null).toList();
            double[][] panels = {
                {median(r, Round::camrigMBps), median(r, Round::curlMBps), median(f, x -> x.floor().mbps()), maxRate},
                {median(r, Round::camrigCpuPerGB), median(r, x -> x.curlCpuPerGB() + x.shaCpuPerGB()),
                    median(f, x -> x.floor().cpuPerGB()), maxCpu}};
            int bars = withFloor ? 3 : 2;
            int width = withFloor ? 38 : 50;
            for (int p = 0; p < 2; p++) {
                int x0 = 40 + p * 350 + group * 150;
                for (int b = 0; b < bars; b++) {
                    double v = panels[p][b];
                    int bh = Double.isNaN(v) ? 0 : (int) (200 * v / panels[p][3]);
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                            x0 + b * (width + 4), 260 - bh, width, bh, COLOURS[b]));
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x0 + b * (width + 4) + 2,
                            255 - bh, Double.isNaN(v) ? "-" : p == 0 ? String.format(Locale.ROOT, "%.0f", v)
                                    : String.format(Locale.ROOT, "%.2f", v)));
                }
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"280\">%d camera%s</text>%n", x0 + 15, e.getKey(),
                        e.getKey() == 1 ? "" : "s"));
            }
            group++;
        }
        sb.append("<rect x=\"40\" y=\"286\" width=\"10\" height=\"10\" fill=\"#2b6cb0\"/><text x=\"54\" y=\"295\">camrig"
                + "</text><rect x=\"110\" y=\"286\" width=\"10\" height=\"10\" fill=\"#a0aec0\"/><text x=\"124\" y=\"295\">"
                + "curl (CPU: curl + openssl sha256)</text>");
        if (withFloor) {
            sb.append("<rect x=\"360\" y=\"286\" width=\"10\" height=\"10\" fill=\"#68a063\"/><text x=\"374\" y=\"295\">"
                    + "floor (JDK-only client, same work)</text>");
        }
        sb.append("\n</svg>\n");
        return sb.toString();
    }
}
