package io.camrig.cli.cluster;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.mqtt.BrokerUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Node processes on this machine: separate JVMs running {@code camrig node} with this process's
 * class path, each with its own simulated cameras and its login in a 0600 file (never an argument).
 * Stopped by {@link #close()}, and until then by a JVM shutdown hook (Ctrl-C, SIGTERM), so that no
 * node outlives the command that started it (a node keeps running when it only loses the broker).
 */
public final class NodeProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    private final Thread shutdownHook = new Thread(this::stopAll, "camrig-nodes-stop");

    public NodeProcesses(Path dir) {
        this.dir = dir;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts node {@code id} with {@code cameras} simulated cameras; its output goes to DIR/ID.log. */
    public Process start(BrokerUrl url, BrokerSecret secret, String id, int cameras, long seed) throws IOException {
        return start(url, secret, id, cameras, seed, List.of());
    }

    /** As {@link #start(BrokerUrl, BrokerSecret, String, int, long)}, with more {@code camrig node} options. */
    public Process start(BrokerUrl url, BrokerSecret secret, String id, int cameras, long seed, List<String> extra)
            throws IOException {
        Path login = dir.resolve(id + ".login");
        secret.loginFile(id, login);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "io.camrig.cli.CamrigCommand", "node", "--broker", url.toString(), "--node-id", id,
                "--cameras", String.valueOf(cameras), "--seed", String.valueOf(seed), "--broker-credentials", login.toString()));
        cmd.addAll(extra);
        Process p;
        synchronized (this) {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(id + ".log").toFile()).start();
            processes.add(p);
        }
        return p;
    }

    /** Stops every node cleanly (SIGTERM: presence offline, cameras closed), then forcibly after 10 s. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private synchronized void stopAll() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
