package io.camrig.cli.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.console.ExitCodes;
import io.camrig.cluster.Topics;
import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.coordinator.FireFigures;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.take.ClusterTake;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.RigApi;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Status;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code camrig demo --nodes N} / {@code --broker URL}: the demo's take on a rig across node
 * processes. With {@code --nodes}, it starts the embedded broker and N node JVMs on this machine;
 * with {@code --broker}, it coordinates the nodes already on that broker. Steps: connect,
 * register statuses, claim control, latency, fire on at one instant, record, fire off, then the
 * take ({@link ClusterTake}): each node offloads its cameras into its own media directory (with
 * {@code --nodes}, every node gets the demo's {@code --media-dir}, so one machine holds the whole
 * take) and the coordinator writes one {@code take.json} with every camera and its node. Blocking:
 * command line only.
 */
public final class ClusterDemo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterDemo() {
    }

    /** Options of one run. */
    public record Run(int nodes, int cameras, Duration duration, boolean json, Duration clockLimit, Duration lead,
                      Path mediaDir, Duration maxSpread) {
    }

    /** Starts the broker and nodes, runs, stops them; exit code 0, or 3 when some cameras failed. */
    public static int local(Run run, PrintWriter out, PrintWriter err) throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.create("camrig-cluster")) {
            return local(run, scratch.path(), out, err);
        }
    }

    private static int local(Run run, Path dir, PrintWriter out, PrintWriter err) throws Exception {
        BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        if (!run.json()) {
            out.printf("camrig demo: %d simulated cameras on %d node processes, recording %s%n", run.cameras(), run.nodes(),
                    run.duration());
            out.println("starting the embedded broker (HiveMQ CE) and the nodes...");
            out.flush();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, secret, dir.resolve("broker"))
                .block(Duration.ofMinutes(2)); NodeProcesses nodes = new NodeProcesses(dir)) {
            for (int k = 1; k <= run.nodes(); k++) {
                int share = run.cameras() / run.nodes() + (k <= run.cameras() % run.nodes() ? 1 : 0);
                nodes.start(broker.url(), broker.secret(), "node-" + k, share, 1000L + k,
                        List.of("--media-dir", run.mediaDir().toAbsolutePath().toString()));
            }
            return coordinate(broker.url(), broker.secret().login(Topics.COORDINATOR), run, out, err);
        }
    }

    /** Coordinates the nodes on a broker. */
    public static int coordinate(BrokerUrl url, BrokerLogin login, Run run, PrintWriter out, PrintWriter err) {
        ClusterOptions options = ClusterOptions.defaults().withExpectedNodes(run.nodes())
                .withDiscovery(Duration.ofMinutes(2)).withClockLimit(run.clockLimit()).withFireLead(run.lead());
        try (DistributedRig rig = DistributedRig.connect(url, login, options).block(Duration.ofMinutes(3))) {
            take(rig);
            for (int i = 0; i < 20; i++) {
                rig.ping().block(Duration.ofSeconds(10));
            }
            FireResult on = rig.fire(true).block(Duration.ofMinutes(1));
            FireFigures figures = rig.lastFire().orElse(null);
            Mono.delay(run.duration()).block();
            rig.fire(false).block(Duration.ofMinutes(1));
            TakeManifest take;
            try {
                take = new ClusterTake(new TakeStore(run.mediaDir()), "demo",
                        SyncTolerance.defaults().withMaxSpread(run.maxSpread()), Duration.ofMinutes(10))
                        .record(rig, on, java.util.Optional.ofNullable(figures)).block(Duration.ofMinutes(11));
            } catch (java.io.UncheckedIOException e) {
                err.println("camrig demo: " + e.getMessage());
                err.flush();
                return 1;
            }
            if (run.json()) {
                out.println(json(rig, on, figures, take, run.mediaDir()));
            } else {
                text(rig, on, figures, run.clockLimit(), take, out);
                ClusterTakeReport.text(take, run.mediaDir(), out);
            }
            out.flush();
            boolean inSync = take.extensions().get("sync") instanceof Map<?, ?> sync && Boolean.TRUE.equals(sync.get("ok"));
            return rig.members().stream().allMatch(RigMember::isHealthy) && inSync ? 0 : ExitCodes.SOME_FAILED;
        }
    }

    /** The set-up steps, the same on one host or many: only {@link RigApi}. */
    static void take(RigApi rig) {
        rig.connect().block(Duration.ofMinutes(1));
        rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofMinutes(1));
        rig.claimControl().block(Duration.ofMinutes(1));
        rig.measureLatency(4).block(Duration.ofMinutes(1));
    }

    private static void text(DistributedRig rig, FireResult on, FireFigures f, Duration limit, TakeManifest take,
                             PrintWriter out) {
        Map<String, List<RigMember>> byNode = rig.members().stream()
                .collect(Collectors.groupingBy(m -> m.node().orElse("?"), java.util.TreeMap::new, Collectors.toList()));
        byNode.forEach((node, members) -> {
            long ok = members.stream().filter(RigMember::isHealthy).count();
            var clock = f == null ? null : f.clocks().get(node);
            out.printf("%nnode %s: %d/%d cameras ok%s%n", node, ok, members.size(), clock == null ? ""
                    : String.format(", clock offset %.3f ms ± %.3f ms", clock.offsetNanos() / 1e6, clock.uncertaintyNanos() / 1e6));
            java.util.Optional<Throwable> refused = members.stream().flatMap(m -> m.failure().stream())
                    .filter(io.camrig.cluster.ClockUntrustedException.class::isInstance).findFirst();
            if (refused.isPresent()) {
                // One line per node, not one per camera: the node refused, with its figure and the limit.
                out.printf("  REFUSED to arm, none of its cameras fired: %s%n  (limit %.3f ms, set with --clock-limit D; "
                        + "the uncertainty comes from the quickest broker legs of the node's last 20 s of clock exchanges, so "
                        + "a node just started, a busy machine or a far broker raises it: let the nodes run a while, run on a "
                        + "quieter host or nearer broker, or raise the limit and accept that much cross-node spread)%n", refused.get().getMessage(), limit.toNanos() / 1e6);
                return;
            }
            for (RigMember m : members) {
                out.printf("  %-12s %s%n", m.advertisedName(), m.isHealthy()
                        ? "ok    " + ClusterTakeReport.camera(take.cameras().get(rig.members().indexOf(m)))
                        : "FAILED in " + m.failedStep().orElse("?") + ": " + m.failure().map(Throwable::getMessage).orElse(""));
            }
        });
        out.println();
        out.printf("cross-node: %d nodes, %d cameras%n", byNode.size(), rig.members().size());
        out.printf("  broker round trip p50 %.2f ms, p99 %.2f ms%n", rig.brokerRoundTrips().percentile(50) / 1e6,
                rig.brokerRoundTrips().percentile(99) / 1e6);
        if (f != null) {
            out.printf("  fire lead %.0f ms; predicted arrival spread across nodes %s (writes less each camera's latency, "
                    + "this machine's clock); write spread %s (staggered by latency compensation)%n",
                    f.leadNanos() / 1e6, ms(f.hostArrivalSpreadNanos()), ms(f.hostWriteSpreadNanos()));
        }
        on.encodingSpreadMicros().ifPresent(v -> out.printf("  encoding status arrival spread %.2f ms%n", v / 1e3));
    }

    private static String ms(java.util.OptionalLong v) {
        return v.isPresent() ? String.format("%.3f ms", v.getAsLong() / 1e6) : "n/a";
    }

    private static String json(DistributedRig rig, FireResult on, FireFigures f, TakeManifest take, Path mediaDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("nodes", rig.nodes().size());
        ClusterTakeReport.json(take, mediaDir, root);
        ArrayNode cams = root.putArray("cameras");
        for (RigMember m : rig.members()) {
            ObjectNode c = cams.addObject();
            c.put("node", m.node().orElse(null));
            c.put("index", m.index());
            c.put("name", m.advertisedName());
            c.put("ok", m.isHealthy());
            m.failedStep().ifPresent(s -> c.put("failedStep", s));
            m.failure().ifPresent(e -> c.put("error", e.getMessage()));
            ClusterTakeReport.json(take.cameras().get(rig.members().indexOf(m)), c);
        }
        ObjectNode cross = root.putObject("crossNode");
        cross.put("brokerRttP50Micros", rig.brokerRoundTrips().percentile(50) / 1_000);
        cross.put("brokerRttP99Micros", rig.brokerRoundTrips().percentile(99) / 1_000);
        if (f != null) {
            cross.put("fireLeadMillis", f.leadNanos() / 1_000_000);
            f.writeSpreadNanos().ifPresent(v -> cross.put("writeSpreadMicros", v / 1_000));
            f.hostWriteSpreadNanos().ifPresent(v -> cross.put("hostWriteSpreadMicros", v / 1_000));
            f.hostArrivalSpreadNanos().ifPresent(v -> cross.put("hostArrivalSpreadMicros", v / 1_000));
            ObjectNode clocks = cross.putObject("clocks");
            f.clocks().forEach((node, c) -> {
                ObjectNode n = clocks.putObject(node);
                n.put("offsetMicros", c.offsetNanos() / 1_000);
                n.put("uncertaintyMicros", c.uncertaintyNanos() / 1_000);
            });
        }
        on.encodingSpreadMicros().ifPresent(v -> cross.put("encodingSpreadMicros", v));
        return root.toPrettyString();
    }
}
