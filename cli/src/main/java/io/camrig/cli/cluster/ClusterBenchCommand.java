package io.camrig.cli.cluster;

import io.camrig.cli.console.ExitCodes;
import io.camrig.cluster.Topics;
import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.broker.LocalMosquitto;
import io.camrig.cluster.broker.MosquittoMissingException;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.wire.Presence;
import io.camrig.engine.rig.FireResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code camrig bench cluster}: a rig across N node processes on this machine (the embedded HiveMQ
 * CE broker, or with {@code --broker-impl mosquitto} a local Mosquitto child process configured as
 * docs/multi-host.md describes: passwords, per-node ACL, no persistence; N node JVMs, each with M simulated cameras and a clock injected with an offset and a
 * drift: node k of N runs from −250 ms/−100 ppm to +250 ms/+100 ppm). Measures, over many fires:
 * the spread of encoding starts across all nodes, twice: as the shutter writes' radio arrivals
 * (the instants the simulated links modeled them to arrive: the writes on the nodes plus each
 * link's latency, what cameras with their own radio and CPU would see — the figure issue 16's
 * target is judged on) and as the simulated cameras' threads handled them (the same plus this
 * machine's scheduling queues); each camera logs both {@link System#nanoTime()} instants, a clock
 * every process of one Linux machine shares; p50/p99; the broker round trip p50/p99; the CPU each node used during the fires
 * and its live heap after them; how long the loss of a SIGKILLed node takes to reach the
 * coordinator (its Last Will). Exit code 0 when every fire completed on every camera, 3 otherwise,
 * 1 when the broker could not start (e.g. Mosquitto not installed: {@link MosquittoMissingException}).
 * Each node gets its login in a 0600 credentials file, never on its command line.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Benchmark a rig across node processes on this machine (embedded MQTT broker or a local Mosquitto).")
public final class ClusterBenchCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "2", description = "Node processes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--cameras", defaultValue = "8", description = "Simulated cameras per node (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--fires", defaultValue = "50", description = "Measured takes (fire on, fire off) (default: ${DEFAULT-VALUE}).")
    int fires;

    @Option(names = "--warmup-fires", defaultValue = "5", description = "Takes before the measured ones (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clock-limit", defaultValue = "1ms",
            description = "Clock uncertainty above which a node refuses to arm (default: ${DEFAULT-VALUE}, the cluster's default).")
    Duration clockLimit;

    @Option(names = "--max-offset-ms", defaultValue = "250", description = "Injected clock offsets span ± this (default: ${DEFAULT-VALUE}).")
    long maxOffsetMillis;

    @Option(names = "--max-drift-ppm", defaultValue = "100", description = "Injected drifts span ± this (default: ${DEFAULT-VALUE}).")
    double maxDriftPpm;

    /** The broker the bench starts. */
    enum BrokerImpl { embedded, mosquitto }

    @Option(names = "--broker-impl", defaultValue = "embedded",
            description = "Broker the bench starts: ${COMPLETION-CANDIDATES}: embedded HiveMQ CE in this JVM, or Mosquitto "
                    + "(found on PATH or in /usr/sbin) as a child process on a free 127.0.0.1 port (default: ${DEFAULT-VALUE}).")
    BrokerImpl brokerImpl;

    @Option(names = "--csv", paramLabel = "FILE", description = "Append the figures as one CSV row (input of ClusterPlot).")
    Path csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ScratchDirectory scratch = ScratchDirectory.create("camrig-bench-cluster")) {
            return run(scratch.path(), out, err);
        }
    }

    private int run(Path dir, PrintWriter out, PrintWriter err) throws Exception {
        BenchBroker broker;
        try {
            broker = startBroker(dir);
        } catch (MosquittoMissingException | IllegalStateException e) {
            err.println("camrig bench cluster: " + e.getMessage());
            return 1;
        }
        progress(err, "%s broker on %s", brokerImpl, broker.url());
        try (broker; NodeProcesses procs = new NodeProcesses(dir)) {
            Map<String, Process> started = new LinkedHashMap<>();
            List<Path> logs = new ArrayList<>();
            for (int k = 1; k <= nodes; k++) {
                double share = nodes == 1 ? 0.5 : (k - 1) / (double) (nodes - 1);
                long offset = Math.round(-maxOffsetMillis + 2 * maxOffsetMillis * share);
                double drift = -maxDriftPpm + 2 * maxDriftPpm * share;
                Path log = dir.resolve("node-" + k + ".encoding");
                logs.add(log);
                started.put("node-" + k, procs.start(broker.url(), broker.secret(), "node-" + k, cameras, 1000L + k,
                        List.of("--clock-offset-ms", String.valueOf(offset), "--clock-drift-ppm", String.valueOf(drift),
                                "--encoding-starts", log.toString())));
            }
            ClusterOptions options = ClusterOptions.defaults().withExpectedNodes(nodes).withDiscovery(Duration.ofMinutes(3))
                    .withClockLimit(clockLimit);
            try (DistributedRig rig = DistributedRig.connect(broker.url(), broker.secret().login(Topics.COORDINATOR), options)
                    .block(Duration.ofMinutes(4))) {
                progress(err, "%d nodes online, %d cameras; setting up", rig.nodes().size(), rig.members().size());
                ClusterDemo.take(rig);
                for (int i = 0; i < 50; i++) {
                    rig.ping().block(Duration.ofSeconds(10));
                }
                ClusterBenchRun run = new ClusterBenchRun(nodes, cameras);
                for (int i = 0; i < warmup; i++) {
                    take(rig, logs, null);
                }
                Map<String, Duration> cpu0 = cpu(started);
                long wall0 = System.nanoTime();
                for (int i = 0; i < fires; i++) {
                    take(rig, logs, run);
                    if ((i + 1) % 10 == 0) {
                        progress(err, "%d/%d takes", i + 1, fires);
                    }
                }
                run.cpu(cpu0, cpu(started), System.nanoTime() - wall0);
                run.roundTrips(rig.brokerRoundTrips());
                started.forEach((node, p) -> run.heap(node, NodeHeap.liveBytes(p.pid())));
                Mono<Presence> gone = rig.presence().filter(p -> p.node().equals("node-1") && !p.online()).next().cache();
                gone.subscribe(p -> { }, e -> { });
                long kill = System.nanoTime();
                started.get("node-1").destroyForcibly();
                gone.block(Duration.ofSeconds(30));
                run.nodeLoss(System.nanoTime() - kill);
                out.print(run.toText());
                out.flush();
                if (csv != null) {
                    boolean fresh = !Files.exists(csv) || Files.size(csv) == 0;
                    Files.writeString(csv, (fresh ? ClusterBenchRun.CSV_HEADER + "\n" : "") + run.toCsv() + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                return run.allComplete() ? 0 : ExitCodes.SOME_FAILED;
            }
        }
    }

    /** The started broker: its URL, the secret its logins derive from, and what stops it. */
    private record BenchBroker(BrokerUrl url, BrokerSecret secret, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private BenchBroker startBroker(Path dir) {
        BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        if (brokerImpl == BrokerImpl.embedded) {
            EmbeddedBroker b = EmbeddedBroker.start("127.0.0.1", 0, secret, dir.resolve("broker")).block(Duration.ofMinutes(2));
            return new BenchBroker(b.url(), b.secret(), b);
        }
        List<String> users = new ArrayList<>(List.of(Topics.COORDINATOR));
        for (int k = 1; k <= nodes; k++) {
            users.add("node-" + k);
        }
        LocalMosquitto m = LocalMosquitto.start(dir.resolve("mosquitto"), secret, users, Optional.empty())
                .block(Duration.ofMinutes(1));
        return new BenchBroker(m.url(), m.secret(), m);
    }

    /** One take: fire on (measured when {@code run} is given), fire off, one round trip, recover. */
    private static void take(DistributedRig rig, List<Path> logs, ClusterBenchRun run) throws java.io.IOException {
        for (boolean on : new boolean[] {true, false}) {
            long since = System.nanoTime();
            FireResult r = rig.fire(on).block(Duration.ofMinutes(2));
            if (run != null) {
                List<EncodingStartLog.Start> starts = new ArrayList<>();
                // The logs are written off the cameras' threads: give the writers a few ms when one is behind.
                for (int attempt = 0; on && attempt < 20 && starts.size() < r.shutter().succeeded().size(); attempt++) {
                    if (attempt > 0) {
                        Mono.delay(Duration.ofMillis(10)).block();
                    }
                    starts.clear();
                    for (Path log : logs) {
                        starts.addAll(EncodingStartLog.lastStartsSince(log, since));
                    }
                }
                // The first camera's own failure (e.g. the arm refused with the clock figures), else the shutter's.
                String failure = rig.members().stream().flatMap(m -> m.failure().stream()).findFirst()
                        .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage())
                        .orElseGet(() -> r.shutter().outcomes().values().stream().filter(o -> !o.isOk()).findFirst()
                                .map(Object::toString).orElse(null));
                rig.lastFire().ifPresent(f -> f.clocks().values().forEach(c -> run.uncertainty(c.uncertaintyNanos())));
                run.fire(on, r.shutter().allOk(), failure, starts, rig.lastFire()
                        .map(f -> f.hostArrivalSpreadNanos()).orElse(java.util.OptionalLong.empty()), rig.members().size());
            }
            rig.recover().block(Duration.ofMinutes(1));
        }
        rig.ping().block(Duration.ofSeconds(10));
    }

    private static Map<String, Duration> cpu(Map<String, Process> processes) {
        Map<String, Duration> m = new LinkedHashMap<>();
        processes.forEach((node, p) -> m.put(node, p.info().totalCpuDuration().orElse(Duration.ZERO)));
        return m;
    }

    private static void progress(PrintWriter err, String format, Object... args) {
        err.printf("camrig bench cluster: " + format + "%n", args);
        err.flush();
    }
}
