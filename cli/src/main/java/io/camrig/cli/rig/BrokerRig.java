package io.camrig.cli.rig;

import io.camrig.cli.console.ExitCodes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.console.TerminalText;
import io.camrig.cluster.Topics;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code --broker URL}: run a rig command across the nodes on an MQTT 5 broker ({@code camrig node}
 * on each host) instead of a rig of this host, as a picocli mixin beside {@link RigSourceOptions}.
 * The login comes from {@code --broker-credentials FILE} (or, on the broker's machine, its generated
 * secret) and {@code --broker-ca FILE} for {@code mqtts://}. Every camera of the report carries its
 * node, in text and in JSON. Blocking: for the command line only.
 */
public final class BrokerRig {
    @Option(names = "--broker", paramLabel = "URL",
            description = "Run across the nodes on this MQTT 5 broker (mqtt://host:port or mqtts://host:port; see 'camrig node').")
    String broker;

    @Option(names = "--broker-nodes", paramLabel = "N", defaultValue = "0",
            description = "With --broker: wait for N nodes (default: those online within 2 s).")
    int nodes;

    @CommandLine.Mixin
    ClusterLogin login = new ClusterLogin();

    /** {@code true} when {@code --broker} was given. */
    public boolean present() {
        return broker != null;
    }

    /**
     * {@code --broker} and {@code --rig} each name a whole rig: refuses the pair as a usage error
     * rather than silently choosing one.
     *
     * @throws CommandLine.ParameterException when both were given
     */
    public void refuseWith(RemoteRig remote, CommandLine cl) {
        if (present() && remote.present()) {
            throw new CommandLine.ParameterException(cl,
                    "--broker and --rig each name a rig (the nodes on a broker, or a 'camrig serve'); give one");
        }
    }

    /**
     * Connects to the broker as the coordinator and runs {@code op} on the rig of its nodes.
     *
     * @return the exit code: 0 every camera ok, 3 some failed, 1 when the broker or the nodes
     *         could not be reached (with the reason on stderr)
     */
    public <T> int run(CommandLine cl, Function<DistributedRig, Mono<RigResult<T>>> op, Report<T> report) {
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(broker);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        ClusterOptions options = ClusterOptions.defaults().withExpectedNodes(Math.max(0, nodes))
                .withDiscovery(nodes > 0 ? Duration.ofSeconds(30) : Duration.ofSeconds(2));
        try (DistributedRig rig = DistributedRig.connect(url, login.login(Topics.COORDINATOR, cl), options)
                .block(Duration.ofSeconds(60))) {
            RigResult<T> result = op.apply(rig).block(Duration.ofMinutes(2));
            report.print(result, cl.getOut());
            cl.getOut().flush();
            return result.allOk() ? 0 : ExitCodes.SOME_FAILED;
        } catch (CamrigException e) {
            cl.getErr().println("camrig: " + TerminalText.safe(e.getMessage()));
            return 1;
        }
    }

    /** Prints a result. */
    @FunctionalInterface
    public interface Report<T> {
        void print(RigResult<T> result, PrintWriter out);
    }

    /** One line per camera: node, name, then {@code ok} or the error ({@code what} says what was done). */
    public static <T> Report<T> lines(String what) {
        return (result, out) -> result.outcomes().forEach((m, o) -> out.printf("%-10s %-12s %s: %s%n",
                TerminalText.safe(m.node().orElse("?")), TerminalText.safe(m.advertisedName()), what,
                o.isOk() ? "ok" : describe(o)));
    }

    /** A camera of a rig across nodes for JSON: node, index, name. */
    public static ObjectNode camera(RigMember m) {
        ObjectNode c = RigCommandSupport.JSON.createObjectNode();
        c.put("node", m.node().orElse(null));
        c.put("index", m.index());
        c.put("name", m.advertisedName());
        return c;
    }

    /** The camera entries of {@code result} as JSON, {@code values} adding each Ok camera's fields. */
    public static <T> ObjectNode json(RigResult<T> result, java.util.function.BiConsumer<ObjectNode, T> values) {
        ObjectNode root = RigCommandSupport.JSON.createObjectNode();
        ArrayNode cameras = root.putArray("cameras");
        for (Map.Entry<RigMember, Outcome<T>> e : result.outcomes().entrySet()) {
            ObjectNode c = camera(e.getKey());
            if (e.getValue() instanceof Outcome.Ok<T> ok) {
                values.accept(c, ok.value());
            } else {
                c.put("error", describe(e.getValue()));
            }
            cameras.add(c);
        }
        return root;
    }

    private static String describe(Outcome<?> o) {
        return o instanceof Outcome.Failed<?> f ? RigCommandSupport.describe(f.cause())
                : TerminalText.safe(String.valueOf(((Outcome.Skipped<?>) o).reason()));
    }
}
