package io.camrig.cli.cluster;

import io.camrig.cluster.Topics;
import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.wire.Presence;
import io.camrig.engine.rig.FireResult;
import io.camrig.proto.catalog.Status;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code camrig bench cluster}: a rig across node processes on this machine (embedded broker,
 * N node JVMs): the spread across all nodes of the predicted arrival instants of the shutter
 * commands (write + latency, on this machine's monotonic clock, which the nodes share), p50/p99
 * over many fires; the broker round trip p50/p99; how long the loss of a SIGKILLed node takes to be
 * known (its Last Will). Heap and CPU per node are not measured yet.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Benchmark a rig across node processes on this machine (embedded MQTT broker).")
public final class ClusterBenchCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "2", description = "Node processes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--cameras", defaultValue = "8", description = "Simulated cameras per node (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--fires", defaultValue = "10", description = "Fires (on and off) to measure (default: ${DEFAULT-VALUE}).")
    int fires;

    @Option(names = "--clock-limit", defaultValue = "50ms", description = "Clock limit for arming (default: ${DEFAULT-VALUE}).")
    Duration clockLimit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("camrig-bench-cluster");
        BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, secret, dir.resolve("broker"))
                .block(Duration.ofMinutes(2)); NodeProcesses procs = new NodeProcesses(dir)) {
            List<Process> started = new ArrayList<>();
            for (int k = 1; k <= nodes; k++) {
                started.add(procs.start(broker.url(), broker.secret(), "node-" + k, cameras, 1000L + k));
            }
            ClusterOptions options = ClusterOptions.defaults().withExpectedNodes(nodes).withDiscovery(Duration.ofMinutes(3))
                    .withClockLimit(clockLimit);
            try (DistributedRig rig = DistributedRig.connect(broker.url(), broker.secret().login(Topics.COORDINATOR), options)
                    .block(Duration.ofMinutes(4))) {
                ClusterDemo.take(rig);
                rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofMinutes(1));
                for (int i = 0; i < 50; i++) {
                    rig.ping().block(Duration.ofSeconds(10));
                }
                List<Long> spreads = new ArrayList<>();
                int complete = 0;
                for (int i = 0; i < fires; i++) {
                    for (boolean on : new boolean[] {true, false}) {
                        FireResult r = rig.fire(on).block(Duration.ofMinutes(1));
                        if (r.shutter().allOk()) {
                            complete++;
                        }
                        rig.lastFire().flatMap(f -> f.hostArrivalSpreadNanos().isPresent()
                                ? java.util.Optional.of(f.hostArrivalSpreadNanos().getAsLong()) : java.util.Optional.empty())
                                .ifPresent(spreads::add);
                        rig.recover().block(Duration.ofMinutes(1));
                    }
                }
                Mono<Presence> gone = rig.presence().filter(p -> p.node().equals("node-1") && !p.online()).next().cache();
                gone.subscribe(p -> { }, e -> { });
                long kill = System.nanoTime();
                started.get(0).destroyForcibly();
                gone.block(Duration.ofSeconds(30));
                long detection = System.nanoTime() - kill;
                long[] s = spreads.stream().mapToLong(Long::longValue).sorted().toArray();
                out.printf("nodes %d x cameras %d: %d/%d fires complete on every camera%n", nodes, cameras, complete, 2 * fires);
                out.printf("cross-node arrival spread (write + latency, shared monotonic clock): p50 %.3f ms, p99 %.3f ms (%d fires)%n",
                        pct(s, 50) / 1e6, pct(s, 99) / 1e6, s.length);
                out.printf("broker round trip: p50 %.3f ms, p99 %.3f ms%n", rig.brokerRoundTrips().percentile(50) / 1e6,
                        rig.brokerRoundTrips().percentile(99) / 1e6);
                out.printf("node loss (SIGKILL to Last Will at the coordinator): %.0f ms%n", detection / 1e6);
                out.flush();
            }
        }
        return 0;
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.max(0, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.min(i, sorted.length - 1)];
    }

}
