package io.camrig.cli.bench;

import io.camrig.cli.cluster.ScratchDirectory;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code camrig bench offload-aot} (hidden; {@code ./camrig offload} runs it once per build and
 * JDK): makes the offload's AOT cache for a JDK ≥ 25 with a training offload against the simulator.
 * A simulator process (this JVM's class path) serves {@code --files} recordings of {@code
 * --file-size} bytes on one camera; {@code --java} runs {@code -jar camrig-offload.jar offload --url
 * … --json} with the offload's JVM options and {@code -XX:AOTCacheOutput} (JEP 514: the JVM records
 * the classes it loads and links, JEP 483, and the methods' profiles, JEP 515, and writes the cache
 * at exit); the cache is then opened once with {@code -XX:AOTMode=on} (the JVM refuses one it cannot
 * map) and only then renamed to {@code --output}, so a launcher never sees a partial or unusable
 * file and launchers training at once each rename a whole one. The training JVM's output goes to
 * this command's stderr; its stdout gets one line: the cache, its size (bytes) and the seconds it
 * took. Exit 0 when the cache is in place, 1 when any step failed (nothing is left behind), 2 when
 * {@code --java} is older than JDK 25.
 *
 * <p>A cache fits one JDK build, one jar (path, size and time) and the JVM options that shape
 * classes (GC, native access, module options): the launcher gives the training the options it runs
 * the offload with ({@code --jvm}) and removes its caches when it rebuilds the jars.
 */
@Command(name = "offload-aot", hidden = true, mixinStandardHelpOptions = true,
        description = "Make the offload's AOT cache for a JDK 25+ with a training offload against the simulator.")
public final class OffloadAotCommand implements Callable<Integer> {
    /**
     * JVM options the launcher adds to the offload's on a JDK ≥ 25, in training and with the cache
     * alike: Netty loads its native transport with {@code System.loadLibrary}, which JDK 24+ warns
     * about on stderr unless native access is granted; and a cache records the option, so a run
     * without it could not use a cache made with it.
     */
    public static final String JDK25_JVM = "--enable-native-access=ALL-UNNAMED";

    /**
     * How {@code ./camrig offload} uses the cache (its path follows): with it when the JVM can
     * (auto: without it, as before, when it does not fit this JDK, jar or options), its checksums
     * verified (a damaged file is refused instead of being mapped), and the JVM's own AOT log off,
     * since it would print a refused cache's reasons on stdout, which may be {@code --json}.
     */
    public static final String USE_CACHE = "-XX:AOTMode=auto -XX:+VerifySharedSpaces -Xlog:aot*=off -Xlog:cds*=off "
            + "-XX:AOTCache=";

    /** How long the training offload (and the check after it) may take before it is stopped as hung, s. */
    static final long TIMEOUT_SECONDS = 300;

    @Option(names = "--java", required = true, paramLabel = "JAVA", description = "The JDK 25+ java binary to train.")
    String java;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The cache to write.")
    Path output;

    @Option(names = "--jar", paramLabel = "JAR", description = "The offload jar, exactly as the launcher names it "
            + "(default: camrig-offload.jar beside this JVM's camrig.jar).")
    String jar;

    @Option(names = "--jvm", paramLabel = "OPTS", description = "The offload's JVM options (default: "
            + "those of 'bench offload' and " + JDK25_JVM + ").")
    String jvm;

    /**
     * Two recordings of 128 MiB: enough reads (about 4 000 of 64 KiB) for the per-read methods' profiles
     * to mature in training; a cache trained on 2 × 32 MiB left a first file's CPU 16 % higher
     * (BENCHMARKS.md, "JDK 25's AOT cache, adopted").
     */
    @Option(names = "--file-size", paramLabel = "BYTES", defaultValue = "134217728",
            description = "Size of each training recording (default: ${DEFAULT-VALUE} = 128 MiB).")
    int fileSize;

    @Option(names = "--files", paramLabel = "N", defaultValue = "2",
            description = "Recordings offloaded in training (default: ${DEFAULT-VALUE}).")
    int files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        JdkVersion version;
        try {
            version = JdkVersion.of(java);
        } catch (IOException e) {
            err.println("camrig bench offload-aot: " + e.getMessage());
            return 2;
        }
        if (!version.hasAotCache()) {
            err.println("camrig bench offload-aot: " + java + " is " + version + "; an AOT cache with method profiles "
                    + "needs JDK " + JdkVersion.AOT_CACHE_FEATURE + "+");
            return 2;
        }
        String self = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        List<String> options = options(jvm == null ? OffloadBenchCommand.OFFLOAD_JVM + " " + JDK25_JVM : jvm);
        List<String> launch = launch(jar != null ? jar : OffloadBenchProcesses.offloadClassPath(cp));
        Path abs = output.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try (ScratchDirectory scratch = ScratchDirectory.create("camrig-offload-aot")) {
            Process sim = OffloadBenchProcesses.startSimulator(self, cp, 1, fileSize, files, scratch.path().resolve("sim"));
            Thread stopSimulator = new Thread(sim::destroy, "camrig-offload-aot-simulator-stop");
            Runtime.getRuntime().addShutdownHook(stopSimulator);    // Ctrl-C while training
            try {
                String url = OffloadBenchProcesses.cameraUrls(sim).get(0);
                List<String> train = new ArrayList<>(List.of(java));
                train.addAll(options);
                train.add("-XX:AOTCacheOutput=" + tmp);
                train.addAll(launch);
                train.addAll(List.of("offload", "--url", url, "--media-dir", scratch.path().resolve("media").toString(),
                        "--json"));
                run(train, "the training offload", err);
                List<String> check = new ArrayList<>(List.of(java));
                check.addAll(options);
                check.addAll(List.of("-XX:AOTMode=on", "-XX:+VerifySharedSpaces", "-XX:AOTCache=" + tmp));
                check.addAll(launch);
                check.add("--version");
                run(check, "the check of the new cache", err);
                long size = Files.size(tmp);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                out.printf("AOT cache %s for %s: %d bytes, made in %.1f s%n", abs, version, size,
                        (System.nanoTime() - t0) / 1e9);
                return 0;
            } finally {
                sim.destroy();
                sim.waitFor(10, TimeUnit.SECONDS);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopSimulator);
                } catch (IllegalStateException shuttingDown) {
                    // the hook stops it
                }
            }
        } catch (IOException e) {
            err.println("camrig bench offload-aot: " + e.getMessage());
            return 1;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config"));
        }
    }

    /** {@code -jar JAR} for a jar, else the offload's entry point on that class path (the tests' classes). */
    static List<String> launch(String classPath) {
        return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                ? List.of("-jar", classPath) : List.of("-cp", classPath, "io.camrig.cli.CamrigOffloadCommand");
    }

    static List<String> options(String jvmOptions) {
        return jvmOptions.isBlank() ? List.of() : List.of(jvmOptions.trim().split("\\s+"));
    }

    /** Runs {@code command}, its output (stdout and stderr) to {@code log}; fails unless it exits 0 in time. */
    private static void run(List<String> command, String what, PrintWriter log) throws IOException, InterruptedException {
        Path output = Files.createTempFile("camrig-offload-aot", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            log.println("$ " + String.join(" ", command));
            log.print(Files.readString(output));
            log.flush();
            if (!ended) {
                throw new IOException(what + " still ran after " + TIMEOUT_SECONDS + " s: stopped");
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " exited " + p.exitValue());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
