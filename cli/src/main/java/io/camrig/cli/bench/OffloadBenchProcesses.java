package io.camrig.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** Starts every command at once and waits for all; fails when one exits non-zero. */
    static Usage runAll(List<List<String>> commands) throws IOException, InterruptedException {
        boolean timed = Files.isExecutable(TIME);
        List<Process> processes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (List<String> c : commands) {
            List<String> full = new ArrayList<>();
            if (timed) {
                full.addAll(List.of(TIME.toString(), "-f", "@@TIME %U %S %M"));
            }
            full.addAll(c);
            processes.add(new ProcessBuilder(full).start());
        }
        List<String> outs = new ArrayList<>();
        double cpu = 0;
        long rss = timed ? 0 : -1;
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IOException(String.join(" ", commands.get(i)) + " exited " + code + ": "
                        + err.lines().filter(l -> !l.startsWith("@@TIME")).reduce((a, b) -> b).orElse(""));
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
        return new Usage((System.nanoTime() - t0) / 1e9, cpu, rss, outs);
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
