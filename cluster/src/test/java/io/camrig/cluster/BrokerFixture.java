package io.camrig.cluster;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.node.NodeMedia;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.engine.session.HttpAddressResolver;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded broker in a temporary directory, and in-process nodes with simulated cameras;
 * {@link #close()} stops them and deletes the directory (HiveMQ's persistence is hundreds of MB).
 */
final class BrokerFixture implements AutoCloseable {
    final Path dir;
    final BrokerSecret secret;
    final EmbeddedBroker broker;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final java.util.Map<String, VirtualRig> simulators = new java.util.HashMap<>();

    BrokerFixture() throws IOException {
        dir = Files.createTempDirectory("camrig-broker");
        secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        broker = EmbeddedBroker.start("127.0.0.1", 0, secret, dir).block(Duration.ofSeconds(120));
    }

    /** A node with {@code cameras} simulated cameras and the given clock. */
    RigNode node(String id, int cameras, ClusterClock clock) {
        return node(id, cameras, clock, 1024, (Path) null);
    }

    /**
     * A node with {@code cameras} simulated cameras recording files of {@code fileBytes}; with a
     * {@code mediaDir}, it offloads them there over their loopback HTTP (its simulated rig is then
     * {@link #simulator(String)}).
     */
    RigNode node(String id, int cameras, ClusterClock clock, int fileBytes, Path mediaDir) {
        return node(id, cameras, clock, fileBytes, mediaDir == null ? null : sim -> NodeMedia.defaults().withMediaDir(mediaDir)
                .withHttp(HttpAddressResolver.ofUris(sim::httpBaseUri)));
    }

    /**
     * A node with {@code cameras} simulated cameras recording files of {@code fileBytes}, offloading
     * as {@code media} says for its simulated rig (none: the node's defaults).
     */
    RigNode node(String id, int cameras, ClusterClock clock, int fileBytes,
                 java.util.function.Function<VirtualRig, NodeMedia> media) {
        VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(fileBytes)
                .withLatency(Duration.ofMillis(10), Duration.ofMillis(10))
                .withSeed(id.hashCode())).block(Duration.ofSeconds(30));
        closeables.add(sim);
        simulators.put(id, sim);
        NodeOptions options = NodeOptions.defaults(id).withClock(clock).withRig(RigOptions.defaults()
                .withExpectedCameras(cameras).withRealtimeFire(false));
        if (media != null) {
            options = options.withMedia(media.apply(sim));
        }
        RigNode node = RigNode.start(broker.url(), broker.secret().login(id), sim.central(), options)
                .block(Duration.ofSeconds(60));
        closeables.add(0, node);
        return node;
    }

    /** The simulated rig of node {@code id}. */
    VirtualRig simulator(String id) {
        return simulators.get(id);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the next fixture starts on fresh ports
            }
        }
        broker.close();
        deleteTree(dir);
    }

    /** Deletes {@code dir} and everything under it (a fixture's own temporary directory). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the fixture's " + dir, e);
        }
    }
}
