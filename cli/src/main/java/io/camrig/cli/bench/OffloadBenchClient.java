package io.camrig.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.model.CameraInfo;
import io.camrig.http.model.MediaFile;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig bench offload-client} (hidden): the camrig side of {@code camrig bench offload},
 * run in its own JVM so its CPU and RSS are its own. Offloads every file of every {@code --url}
 * into a new take under {@code --to} through the real {@link Offloader} (serial check, turbo,
 * SHA-256 while streaming, manifest), all cameras in parallel, and prints one JSON line: bytes,
 * transfer seconds, process CPU seconds during the transfer, and the peak RSS ({@code VmHWM}).
 */
@Command(name = "offload-client", hidden = true, mixinStandardHelpOptions = true,
        description = "Offload the given cameras once and print figures as JSON (used by 'bench offload').")
public final class OffloadBenchClient implements Callable<Integer> {
    @Option(names = "--url", required = true)
    List<URI> urls;

    @Option(names = "--to", required = true)
    Path to;

    @Option(names = "--no-fsync", description = "Do not force files to disk before reporting them verified (for comparison).")
    boolean noFsync;

    @Option(names = "--threads", description = "Also print each thread's CPU (from /proc/self/task) to stderr.")
    boolean threads;

    @Override
    public Integer call() throws Exception {
        TakeStore store = new TakeStore(to);
        OffloadQueue queue = new OffloadQueue(store, store.create("bench"));
        List<OffloadCamera> cameras = new ArrayList<>();
        long bytes = 0;
        for (URI u : urls) {
            CameraHttpClient client = new CameraHttpClient(u, HttpOptions.defaults().withProgressStepBytes(8 << 20));
            CameraInfo info = client.query().info().block();
            List<MediaFile> files = client.mediaList().block().files();
            bytes += files.stream().mapToLong(MediaFile::size).sum();
            queue.ensureCamera(TakeCamera.of(info.serialNumber(), u.toString(), info.modelName(), info.firmwareVersion()));
            queue.enqueue(info.serialNumber(), files);
            cameras.add(OffloadCamera.of(info.serialNumber(), u.toString(), client, OffloadCamera.Link.COHN));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<OffloadEvent> failures = new Offloader(queue, OffloadOptions.defaults().withMaxParallel(cameras.size())
                        .withDownload(io.camrig.http.DownloadOptions.defaults().withDurable(!noFsync)),
                Optional.empty()).run(cameras).filter(e -> e instanceof OffloadEvent.Failed).collectList().block();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bytes", bytes);
        out.put("seconds", (t1 - t0) / 1e9);
        out.put("cpuSeconds", (cpu1 - cpu0) / 1e9);
        out.put("rssPeakKb", vmHwmKb());
        out.put("failures", failures.size());
        if (!failures.isEmpty()) {
            out.put("firstFailure", String.valueOf(((OffloadEvent.Failed) failures.get(0)).error()));
        }
        System.out.println(new ObjectMapper().writeValueAsString(out));
        if (threads) {
            printThreadCpu();
        }
        return failures.isEmpty() ? 0 : 3;
    }

    /** Each thread's user + system CPU since it started (Linux {@code /proc/self/task/<tid>/stat}), busiest first. */
    private static void printThreadCpu() throws java.io.IOException {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String stat = Files.readString(t.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.err.printf("%-24s %6.2f s%n", e.getKey(), e.getValue() / 100.0));
    }

    /** Peak resident set size of this process ({@code VmHWM} in {@code /proc/self/status}), KiB; -1 elsewhere. */
    static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
