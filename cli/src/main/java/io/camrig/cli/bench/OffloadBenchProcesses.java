package io.camrig.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the processes {@code camrig bench offload} compares, each under GNU {@code time} (when
 * {@code /usr/bin/time} exists) for its user + system CPU and peak RSS, and times them as a group.
 */
final class OffloadBenchProcesses {
    private static final Path TIME = Path.of("/usr/bin/time");

    private OffloadBenchProcesses() {
    }

    /**
     * What a group of processes used.
     *
     * @param wallSeconds from starting the first to the end of the last, s
     * @param cpuSeconds user + system CPU of every process, s
     * @param rssKbSum the sum of each process's peak RSS, KiB (-1 without {@code /usr/bin/time})
     * @param stdout every process's standard output, in order
     */
    record Usage(double wallSeconds, double cpuSeconds, long rssKbSum, List<String> stdout) {
    }

    /**
     * The command that starts the camrig client JVM as {@code ./camrig offload} starts an offload:
     * {@code jvmOptions}, then the offload's own jar ({@code camrig-offload.jar} beside the {@code
     * camrig.jar} of {@code classPath}) and entry point ({@code CamrigOffloadCommand}); from a class
     * path without that jar (the tests' classes), the same entry point on {@code classPath}.
     * Append {@code bench offload-client} and its options.
     */
    static List<String> camrigClient(String java, String jvmOptions, String classPath) {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", offloadClassPath(classPath), "io.camrig.cli.CamrigOffloadCommand"));
        return command;
    }

    /** {@code camrig-offload.jar} when {@code classPath} is a {@code camrig.jar} that has it beside it, else {@code classPath}. */
    static String offloadClassPath(String classPath) {
        Path jar = Path.of(classPath);
        if (!classPath.contains(java.io.File.pathSeparator) && jar.getFileName() != null
                && jar.getFileName().toString().equals("camrig.jar")) {
            Path slim = jar.resolveSibling("camrig-offload.jar");
            if (Files.isRegularFile(slim)) {
                return slim.toString();
            }
        }
        return classPath;
    }

    /** {@code true} when {@code name} runs (found on the PATH). */
    static boolean available(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** How long a group of processes may run before it is stopped as hung. */
    static final long GROUP_TIMEOUT_SECONDS = 240;

    /**
     * Starts every command at once and waits for all; fails when one exits non-zero or the group
     * is still running after {@link #GROUP_TIMEOUT_SECONDS} (then every process is stopped and the
     * first still running is named). Output and errors go to temporary files, not pipes, so a
     * process that writes much to stderr can never block on a pipe nobody reads yet.
     */
    static Usage runAll(List<List<String>> commands) throws IOException, InterruptedException {
        boolean timed = Files.isExecutable(TIME);
        List<Process> processes = new ArrayList<>();
        List<Path[]> files = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (List<String> c : commands) {
                List<String> full = new ArrayList<>();
                if (timed) {
                    full.addAll(List.of(TIME.toString(), "-f", "@@TIME %U %S %M"));
                }
                full.addAll(c);
                Path[] io = {Files.createTempFile("camrig-bench-out", ".txt"), Files.createTempFile("camrig-bench-err", ".txt")};
                files.add(io);
                processes.add(new ProcessBuilder(full).redirectOutput(io[0].toFile()).redirectError(io[1].toFile()).start());
            }
            long deadline = t0 + GROUP_TIMEOUT_SECONDS * 1_000_000_000L;
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    processes.forEach(Process::destroyForcibly);
                    throw new IOException(String.join(" ", commands.get(i)) + " still running after "
                            + GROUP_TIMEOUT_SECONDS + " s: stopped");
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            List<String> outs = new ArrayList<>();
            double cpu = 0;
            long rss = timed ? 0 : -1;
            for (int i = 0; i < processes.size(); i++) {
                String out = Files.readString(files.get(i)[0], StandardCharsets.UTF_8);
                String err = Files.readString(files.get(i)[1], StandardCharsets.UTF_8);
                if (processes.get(i).exitValue() != 0) {
                    throw new IOException(String.join(" ", commands.get(i)) + " exited " + processes.get(i).exitValue() + ": "
                            + err.lines().filter(l -> !l.startsWith("@@TIME") && !l.startsWith("Command exited")).reduce((a, b) -> b).orElse(""));
                }
                outs.add(out);
                for (String line : err.lines().toList()) {
                    if (line.startsWith("@@TIME ")) {
                        String[] f = line.substring(7).trim().split("\\s+");
                        cpu += Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                        rss += Long.parseLong(f[2]);
                    }
                }
            }
            return new Usage(wall, cpu, rss, outs);
        } finally {
            for (Path[] io : files) {
                Files.deleteIfExists(io[0]);
                Files.deleteIfExists(io[1]);
            }
        }
    }

    /**
     * Starts {@code camrig simulate} in its own JVM ({@code java}, class path {@code cp}, which must
     * hold the whole CLI): {@code cameras} HTTP cameras on loopback, each with {@code files}
     * recordings of {@code fileSize} bytes spooled under {@code spool} (sent with zero copy), for at
     * most 6 h. Read its cameras' base URLs with {@link #cameraUrls}; destroy it when done.
     */
    static Process startSimulator(String java, String cp, int cameras, int fileSize, int files, Path spool)
            throws IOException {
        return startDaemon(List.of(java, "-cp", cp, "io.camrig.cli.CamrigCommand", "simulate", "--cameras",
                String.valueOf(cameras), "--file-size", String.valueOf(fileSize), "--files", String.valueOf(files),
                "--json", "--duration", "6h", "--spool", spool.toString()));
    }

    /**
     * The base URLs ({@code http://127.0.0.1:PORT}) of a {@link #startSimulator simulator}'s cameras,
     * from the JSON line it prints once they listen.
     *
     * @throws IOException when it printed nothing (it failed to start) or not that line
     */
    static List<String> cameraUrls(Process simulator) throws IOException {
        List<String> urls = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(firstLine(simulator)).path("cameras")
                .forEach(c -> urls.add(c.get("http").asText()));
        if (urls.isEmpty()) {
            throw new IOException("the simulator listed no camera");
        }
        return urls;
    }

    /** Starts a long-running process and returns it with a reader of its standard output. */
    static Process startDaemon(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static String firstLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null) {
            throw new IOException("the simulator printed nothing");
        }
        return line;
    }
}
