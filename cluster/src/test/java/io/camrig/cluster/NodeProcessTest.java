package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.wire.Presence;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.proto.catalog.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * End to end with real node processes (child JVMs, {@link NodeMain}) on the embedded broker: a
 * node SIGKILLed during a take has its cameras failed with a node-gone cause from its Last Will
 * while the take completes on the others; restarted, it rejoins its persistent session and its
 * cameras take part in the next take.
 */
class NodeProcessTest {
    private static BrokerFixture fixture;
    private static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
        for (String id : List.of("north", "south", "west")) {
            spawn(id);
        }
    }

    private static Process spawn(String id) throws IOException {
        Path login = fixture.dir.resolve(id + ".login");
        fixture.secret.loginFile(id, login);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), NodeMain.class.getName(), fixture.broker.url().toString(), id, "2",
                login.toString())
                .redirectErrorStream(true).redirectOutput(fixture.dir.resolve(id + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
        fixture.close();
    }

    @Test
    void aKilledNodeFailsItsCamerasTheTakeCompletesAndTheRestartedNodeRejoins() {
        ClusterOptions options = ClusterOptions.defaults().withExpectedNodes(3).withDiscovery(Duration.ofMinutes(3))
                .withClockLimit(Duration.ofMillis(100)).withFireLead(Duration.ofSeconds(1));
        try (DistributedRig rig = DistributedRig.connect(fixture.broker.url(), fixture.secret.login(Topics.COORDINATOR),
                options).block(Duration.ofMinutes(4))) {
            assertThat(rig.nodes()).containsExactly("north", "south", "west");
            assertThat(rig.connect().block(Duration.ofSeconds(60)).allOk()).isTrue();
            assertThat(rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(60)).allOk()).isTrue();

            // SIGKILL one node as the take starts.
            Mono<FireResult> take = rig.fire(true).cache();
            take.subscribe(r -> { }, e -> { });
            processes.get(1).destroyForcibly();
            FireResult on = take.block(Duration.ofSeconds(60));
            for (Map.Entry<RigMember, Outcome<Duration>> e : on.shutter().outcomes().entrySet()) {
                String node = e.getKey().node().orElseThrow();
                if (node.equals("south")) {
                    assertThat(e.getKey().failure()).containsInstanceOf(NodeGoneException.class);
                    assertThat(e.getKey().failure().orElseThrow().getMessage()).contains("node south gone", "Last Will");
                } else {
                    assertThat(e.getValue().isOk()).as("%s: %s", e.getKey(), e.getValue()).isTrue();
                    assertThat(on.encoding().outcomes().get(e.getKey()).isOk()).isTrue();
                }
            }

            // Restarted, it rejoins (same id, persistent session) and takes part in the next take.
            Mono<Presence> back = rig.presence().filter(p -> p.node().equals("south"))
                    .skipUntil(p -> !p.online()).filter(Presence::online).next().cache();
            back.subscribe(p -> { }, e -> { });
            try {
                spawn("south");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            back.block(Duration.ofMinutes(2));
            assertThat(rig.healthy()).hasSize(6);
            FireResult off = rig.fire(false).block(Duration.ofSeconds(60));
            assertThat(off.shutter().allOk()).as("%s", off.shutter()).isTrue();
        }
    }
}
