package io.camrig.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.offload.OffloadCamera;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.offload.OffloadOptions;
import io.camrig.engine.offload.Offloader;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
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
 * transfer seconds, process CPU seconds during the transfer, the peak RSS ({@code VmHWM}) and
 * what the resident set is made of at the end ({@code RssAnon}: heap, metaspace, code, stacks,
 * Netty's buffers, malloc; {@code RssFile}: the JVM's libraries, the CDS archive, the jar).
 *
 * <p>{@code --warm-up-bytes N} first downloads the first {@code N} bytes of the first camera's
 * first file into a scratch directory (then cancels and deletes it; whole downloads of it one after
 * another, each deleted at once, when {@code N} is larger than the file), so the JIT has compiled the
 * download path before the measured transfer starts; its time and CPU are reported separately
 * ({@code warmUpSeconds}, {@code warmUpCpuSeconds}). {@code --warm-up-offload} warms up with one whole
 * offload of the first camera's files through the same offloader into a scratch take (after those
 * downloads, if any), so the
 * steps around each file (serial check, turbo, manifest, commit, media info) are compiled too: the
 * steady state of a rig's offload rather than its first file (BENCHMARKS.md has both).
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

    @Option(names = "--warm-up-bytes", paramLabel = "BYTES", defaultValue = "0",
            description = "Download this many bytes of the first camera's file first, unmeasured: a prefix, or whole "
                    + "downloads of it one after another when it is smaller (default: none).")
    long warmUpBytes;

    @Option(names = "--threads", description = "Also print each thread's CPU (from /proc/self/task) to stderr: during "
            + "the measured transfer, and over the whole JVM; and the transfer's bounds in JVM uptime (ms).")
    boolean threads;

    @Option(names = "--warm-up-offload", description = "Warm up with one whole offload of the first camera's files "
            + "through the same offloader (serial check, turbo, durable download, commit, media info, manifest) into a "
            + "scratch take, deleted after it (after the --warm-up-bytes downloads, if any).")
    boolean warmUpOffload;

    @Option(names = "--timeline", description = "Also print when each offload event (camera started, progress, "
            + "verified, camera done) arrived, in ms since the measured transfer started, to stderr.")
    boolean timeline;

    @Override
    public Integer call() throws Exception {
        TakeStore store = new TakeStore(to);
        OffloadQueue queue = new OffloadQueue(store, store.create("bench"));
        List<OffloadCamera> cameras = new ArrayList<>();
        List<List<MediaFile>> listed = new ArrayList<>();
        long bytes = 0;
        for (URI u : urls) {
            CameraHttpClient client = new CameraHttpClient(u, HttpOptions.defaults().withProgressStepBytes(8 << 20));
            CameraInfo info = client.query().info().block();
            List<MediaFile> files = client.mediaList().block().files();
            bytes += files.stream().mapToLong(MediaFile::size).sum();
            queue.ensureCamera(TakeCamera.of(info.serialNumber(), u.toString(), info.modelName(), info.firmwareVersion()));
            queue.enqueue(info.serialNumber(), files);
            listed.add(files);
            cameras.add(OffloadCamera.of(info.serialNumber(), u.toString(), client, OffloadCamera.Link.COHN));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long w0 = System.nanoTime();
        long wcpu0 = os.getProcessCpuTime();
        OffloadOptions options = OffloadOptions.defaults().withMaxParallel(cameras.size())
                .withDownload(io.camrig.http.DownloadOptions.defaults().withDurable(!noFsync));
        if (warmUpBytes > 0) {
            warmUp(cameras.get(0).client(), queue.manifest().cameras().get(0).files().get(0));
        }
        if (warmUpOffload) {
            warmUpOffload(queue.manifest().cameras().get(0), cameras.get(0), listed.get(0), options);
        }
        ThreadCpu window = threads ? ThreadCpu.start() : null;
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        reactor.core.publisher.Flux<OffloadEvent> events = new Offloader(queue, options, Optional.empty()).run(cameras);
        // formatted after the window: only a time stamp and a reference per event inside it
        List<Map.Entry<Long, OffloadEvent>> timeline = new ArrayList<>();
        if (this.timeline) {
            events = events.doOnNext(e -> timeline.add(Map.entry(System.nanoTime(), e)));
        }
        List<OffloadEvent> failures = events.filter(e -> e instanceof OffloadEvent.Failed).collectList().block();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bytes", bytes);
        out.put("seconds", (t1 - t0) / 1e9);
        out.put("cpuSeconds", (cpu1 - cpu0) / 1e9);
        out.put("rssPeakKb", OffloadFloorClient.status("VmHWM"));
        out.put("rssAnonKb", OffloadFloorClient.status("RssAnon"));
        out.put("rssFileKb", OffloadFloorClient.status("RssFile"));
        out.put("warmUpSeconds", (t0 - w0) / 1e9);
        out.put("warmUpCpuSeconds", (cpu0 - wcpu0) / 1e9);
        out.put("failures", failures.size());
        if (!failures.isEmpty()) {
            out.put("firstFailure", String.valueOf(((OffloadEvent.Failed) failures.get(0)).error()));
        }
        System.out.println(new ObjectMapper().writeValueAsString(out));
        if (window != null) {
            window.printEnd();
        }
        if (this.timeline) {
            System.err.println("offload events (ms since the measured transfer started):");
            timeline.forEach(t -> System.err.printf("%8.1f ms  %s %s%n", (t.getKey() - t0) / 1e6,
                    t.getValue().getClass().getSimpleName(),
                    t.getValue() instanceof OffloadEvent.Progress p ? p.bytesDone() : ""));
            System.err.printf("%8.1f ms  end of the measured transfer%n", (t1 - t0) / 1e6);
        }
        return failures.isEmpty() ? 0 : 3;
    }

    /** Offloads {@code camera}'s {@code files} once into a scratch take beside {@link #to}, then deletes it. */
    private void warmUpOffload(TakeCamera identity, OffloadCamera camera, List<MediaFile> files, OffloadOptions options)
            throws java.io.IOException {
        Path scratch = Files.createTempDirectory(to.toAbsolutePath().getParent(), "camrig-warm-up");
        try {
            TakeStore store = new TakeStore(scratch);
            OffloadQueue queue = new OffloadQueue(store, store.create("bench-warm-up"));
            queue.ensureCamera(TakeCamera.of(identity.serial(), identity.name(), identity.model(), identity.firmware()));
            queue.enqueue(identity.serial(), files);
            new Offloader(queue, options, Optional.empty()).run(List.of(camera)).blockLast();
        } finally {
            try (var s = Files.walk(scratch)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Streams {@link #warmUpBytes} of {@code file} into a scratch directory through the same download
     * path: its first bytes, or whole downloads of it one after another when it is smaller (each
     * deleted at once, so its dirty pages are dropped rather than written back during the window),
     * then deletes the directory.
     */
    private void warmUp(CameraHttpClient client, TakeFile file) throws java.io.IOException {
        Path scratch = Files.createTempDirectory(to.toAbsolutePath().getParent(), "camrig-warm-up");
        try {
            long left = warmUpBytes;
            while (left > 0) {
                long want = Math.min(left, file.size());
                io.camrig.http.DownloadProgress last = client.download(file.folder(), file.name(), file.size(),
                                scratch.resolve(file.name()), io.camrig.http.DownloadOptions.defaults().withDurable(false))
                        .takeUntil(p -> p.bytesDone() >= want).blockLast();
                emptyDirectory(scratch);
                if (last == null || last.bytesDone() <= 0) {
                    break;
                }
                left -= last.bytesDone();
            }
        } finally {
            emptyDirectory(scratch);
            Files.deleteIfExists(scratch);
        }
    }

    private static void emptyDirectory(Path dir) throws java.io.IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
