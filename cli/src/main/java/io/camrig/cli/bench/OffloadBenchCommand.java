package io.camrig.cli.bench;

import io.camrig.cli.cluster.ScratchDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig bench offload}: camrig's offload against {@code curl} on the same URLs in the same
 * run. A simulator process serves one file of {@code --file-size} per camera (written to disk first
 * and sent with zero copy, so the server takes little of the CPU both clients share); for each camera count
 * and round, interleaved, it runs (1) a fresh camrig JVM ({@code bench offload-client}) offloading
 * every camera in parallel through the real offloader (SHA-256 while streaming, manifest), after an
 * unmeasured warm-up ({@code --warm-up} bytes of one file, then, unless {@code
 * --no-warm-up-offload}, one whole offload of it: the figures are then an offload's steady state,
 * every file after a process's first), (2) one
 * {@code curl -o} per camera in parallel, (3) one {@code openssl dgst -sha256} per file curl wrote,
 * in parallel, (4) unless {@code --no-floor}, the floor: {@link OffloadFloorClient}, a JDK-only
 * client doing the same work in a JVM with the same options, (5) unless {@code --no-pipe}, {@code curl URL |
 * tee FILE | openssl dgst -sha256} per camera in parallel, (6) unless {@code --no-jdk}, {@link OffloadJdkClient}:
 * the same work on the JDK's {@code HttpClient}, in a JVM with the same options; the order rotates round by round. Reports medians of MB/s (10^6 bytes/s), client CPU s per GB (10^9 bytes; camrig's
 * during the transfer, and of its whole JVM), peak RSS, and the ratios against the targets: camrig
 * MB/s ≥ 0.9× curl's, camrig CPU/GB ≤ 2× curl + sha256, RSS ≤ 64 MB for 8 cameras. The camrig
 * client runs on this JVM's java unless {@code --client-java} names another (a JDK 25+ gets the
 * launcher's JDK 25 option), from the AOT cache of {@code --client-aot-cache} when given, as {@code
 * ./camrig offload} runs on a JDK 25+ (its header names both). Exit 0 when
 * every run succeeded (targets are reported, not enforced), 1 when a process failed.
 */
@Command(name = "offload", mixinStandardHelpOptions = true,
        description = "Offload speed and CPU against curl (+ openssl sha256) on the same simulated cameras.")
public final class OffloadBenchCommand implements Callable<Integer> {
    /**
     * The JVM options {@code ./camrig} gives {@code offload} (BENCHMARKS.md, "Offload memory" and "A
     * slim offload runtime"); the client runs from {@code camrig-offload.jar} as the launcher's
     * offload does ({@link OffloadBenchProcesses#camrigClient}).
     */
    public static final String OFFLOAD_JVM = "-XX:+UseSerialGC -Xmx16m -Xmn4m -Xss256k -XX:ReservedCodeCacheSize=24m "
            + "-XX:MaxMetaspaceSize=48m -XX:CICompilerCount=2 -XX:MaxInlineLevel=5 -XX:FreqInlineSize=100 "
            + "-XX:MaxDirectMemorySize=32m "
            + "-XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000";

    @Option(names = "--file-size", paramLabel = "BYTES", defaultValue = "268435456",
            description = "Size of each camera's file (default: ${DEFAULT-VALUE} = 256 MiB; at most 2 GiB - 1).")
    int fileSize;

    @Option(names = "--cameras", paramLabel = "N[,N...]", split = ",", defaultValue = "1,8",
            description = "Camera counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> cameras;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where downloads go (default: a temporary directory).")
    Path dir;

    @Option(names = "--client-jvm", paramLabel = "OPTS", defaultValue = OFFLOAD_JVM,
            description = "JVM options of the camrig client (default: ${DEFAULT-VALUE}, what ./camrig gives offload; "
                    + "TrimNativeHeapInterval needs JDK 17.0.9+ or 21.0.1+).")
    String clientJvm;

    @Option(names = "--client-java", paramLabel = "JAVA",
            description = "The java binary of the camrig client (default: this JVM's); on JDK 25+ it also gets "
                    + OffloadAotCommand.JDK25_JVM + ", as ./camrig gives it. The floor and JDK clients keep this JVM's.")
    String clientJava;

    @Option(names = "--client-aot-cache", paramLabel = "FILE",
            description = "Run the camrig client (JDK 25+, --client-java) from this AOT cache, as ./camrig offload does "
                    + "(cli/target/camrig-offload.jdk-*.aot, made by its first offload); the client fails if its JVM "
                    + "cannot use it (-XX:AOTMode=on).")
    Path clientAotCache;

    @Option(names = "--warm-up", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Each camrig client (and the floor and JDK clients) first downloads this many bytes of one "
                    + "file, unmeasured, so the JIT has compiled the download path: a prefix, or whole downloads of it "
                    + "one after another when it is smaller (default: ${DEFAULT-VALUE} = 64 MiB; 0 = measure cold). "
                    + "The JVM total column always counts it.")
    long warmUp;

    @Option(names = "--warm-up-offload", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the warm-up downloads, each camrig client also offloads the first camera's file once "
            + "through the offloader into a scratch take, unmeasured, so the steps around a file (serial check, turbo, "
            + "manifest, commit, media info) are compiled too: the steady state of a rig's offload, every file after a "
            + "process's first (default: on; --no-warm-up-offload measures a fresh process's first file).")
    boolean warmUpOffload;

    @Option(names = "--floor", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the floor: a JDK-only client (GET, pwrite, SHA-256 on a second thread, fsync) in "
                    + "its own JVM with the camrig client's options, to show what a JVM needs for the same work "
                    + "(default: on; --no-floor leaves it out).")
    boolean floor;

    @Option(names = "--pipe", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure 'curl URL | tee FILE | openssl dgst -sha256' per camera (hashing while streaming in "
                    + "native code, no fsync) when curl and openssl are present (default: on; --no-pipe leaves it out).")
    boolean pipe;

    @Option(names = "--jdk", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the JDK's java.net.http.HttpClient doing the same work (BodySubscriber: pwrite, "
                    + "SHA-256, fsync) in its own JVM with the camrig client's options (default: on; --no-jdk leaves it out).")
    boolean jdk;

    @Option(names = "--jdk-hash", paramLabel = "inline|thread", defaultValue = "inline",
            description = "Where the JDK client hashes: on the thread that delivers the body, or a second thread "
                    + "(default: ${DEFAULT-VALUE}).")
    String jdkHash;

    @Option(names = "--jdk-bufsize", paramLabel = "BYTES", defaultValue = "262144",
            description = "jdk.httpclient.bufsize of the JDK client: its socket read size (default: ${DEFAULT-VALUE}).")
    int jdkBufsize;

    @Option(names = "--jdk-jvm", paramLabel = "OPTS",
            description = "JVM options of the JDK client (default: those of the camrig client, --client-jvm); "
                    + "for example a larger -Xmx/-Xmn, since it reads into heap buffers.")
    String jdkJvm;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown here.")
    Path markdown;

    @Option(names = "--svg", paramLabel = "FILE", description = "Also write a bar chart (SVG) here.")
    Path svg;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The camrig client's JVM options on {@code jdk}: {@code --client-jvm}, then on JDK 25+ {@link
     * OffloadAotCommand#JDK25_JVM}, then with {@code --client-aot-cache} that cache in mode {@code on},
     * so that a cache the JVM cannot use fails the run instead of being measured as one.
     *
     * @throws IllegalArgumentException for a cache on a JDK older than 25
     */
    String clientOptions(JdkVersion jdk) {
        String options = clientJvm + (jdk.hasAotCache() ? " " + OffloadAotCommand.JDK25_JVM : "");
        if (clientAotCache == null) {
            return options;
        }
        if (!jdk.hasAotCache()) {
            throw new IllegalArgumentException("--client-aot-cache needs a JDK " + JdkVersion.AOT_CACHE_FEATURE
                    + "+ client; --client-java is " + jdk);
        }
        return options + " -XX:AOTMode=on -XX:+VerifySharedSpaces -XX:AOTCache=" + clientAotCache.toAbsolutePath();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean curl = OffloadBenchProcesses.available("curl");
        boolean openssl = OffloadBenchProcesses.available("openssl");
        int max = cameras.stream().mapToInt(Integer::intValue).max().orElse(1);
        // Gigabytes of spooled media and downloads: without --dir they go in a scratch directory that
        // Ctrl-C and SIGTERM delete too, and the simulator process is stopped with the bench.
        ScratchDirectory scratch = dir == null ? ScratchDirectory.create("camrig-bench-offload") : null;
        Path work = scratch != null ? scratch.path() : Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        Process sim = OffloadBenchProcesses.startSimulator(java, cp, max, fileSize, 1, work.resolve("simulator"));
        Thread stopSimulator = new Thread(sim::destroy, "camrig-bench-simulator-stop");
        Runtime.getRuntime().addShutdownHook(stopSimulator);
        try {
            List<String> urls = OffloadBenchProcesses.cameraUrls(sim);
            String serialPath = "/videos/DCIM/100GOPRO/GX010001.MP4";
            out.printf("camrig bench offload: %d MiB per camera, cameras %s, %d rounds, curl %s, openssl %s, floor %s, jdk %s; "
                    + "camrig and curl interleaved and compared as ratios%n",
                    fileSize >> 20, cameras, rounds, curl ? "yes" : "absent", openssl ? "yes" : "absent", floor ? "yes" : "no",
                    jdk ? "yes (hash " + jdkHash + ", bufsize " + jdkBufsize
                            + (jdkJvm == null ? "" : ", JVM " + jdkJvm) + ")" : "no");
            String camrigJava = clientJava != null ? clientJava : java;
            JdkVersion camrigJdk = JdkVersion.of(camrigJava);
            String camrigJvm = clientOptions(camrigJdk);
            out.printf("camrig client: %s (%s), AOT cache %s; %s; %s%n", camrigJdk, camrigJava,
                    clientAotCache == null ? "none" : clientAotCache + " (" + (Files.size(clientAotCache) >> 20) + " MiB)",
                    camrigJvm, warmUp > 0
                    ? String.format("warm-up: %d MiB of one file downloaded unmeasured first (JIT)%s, counted "
                            + "only in 'JVM total'", warmUp >> 20, warmUpOffload ? ", then one offload of it" : "")
                    : warmUpOffload ? "warm-up: one offload of one file, unmeasured (JIT), counted only in 'JVM total'"
                    : "no warm-up (cold JIT counted in the transfer)");
            out.flush();
            double jdkSha = OffloadHeadroom.jdkSha256CpuPerGB();
            Map<Integer, List<OffloadBenchResult.Round>> results = new LinkedHashMap<>();
            for (int r = 1; r <= rounds; r++) {
                for (int k : cameras) {
                    List<String> mine = urls.subList(0, k);
                    OffloadBenchResult.Round round = OffloadBenchResult.measure(r, k, fileSize, mine, serialPath, work,
                            java, cp, clientJvm, camrigJava, camrigJvm, warmUp, warmUpOffload, curl, openssl, floor, pipe, jdk ? List.of("--hash", jdkHash,
                                    "--bufsize", String.valueOf(jdkBufsize)) : null, jdkJvm == null ? clientJvm : jdkJvm);
                    results.computeIfAbsent(k, x -> new ArrayList<>()).add(round);
                    out.println(round.line());
                    out.flush();
                }
            }
            String table = OffloadBenchResult.table(results, fileSize, jdkSha);
            out.println();
            out.print(table);
            out.flush();
            if (markdown != null) {
                Files.writeString(markdown, table);
            }
            if (svg != null) {
                Files.writeString(svg, OffloadBenchResult.svg(results, fileSize));
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("camrig bench offload: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopSimulator);
            } catch (IllegalStateException shuttingDown) {
                // the hook stops it
            }
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
            OffloadBenchResult.delete(work.resolve("simulator"));
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
