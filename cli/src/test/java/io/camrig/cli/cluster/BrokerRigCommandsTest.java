package io.camrig.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CliRun;
import io.camrig.cluster.Topics;
import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --broker URL} on the rig commands (issue 16.5): {@code status}, {@code settings set} and
 * {@code preset load} run across the nodes on an embedded broker (two in-process nodes with
 * simulated cameras), and every camera of the report names its node, in text and in JSON.
 */
class BrokerRigCommandsTest {
    private static EmbeddedBroker broker;
    private static Path login;
    private static final List<AutoCloseable> closeables = new ArrayList<>();
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0, BrokerSecret.generate("mqtt://127.0.0.1:0"), dir.resolve("broker"))
                .block(Duration.ofMinutes(2));
        login = dir.resolve("coordinator.login");
        broker.secret().loginFile(Topics.COORDINATOR, login);
        for (String id : List.of("left", "right")) {
            VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024)
                    .withSeed(id.hashCode())).block(Duration.ofSeconds(30));
            closeables.add(sim);
            closeables.add(0, RigNode.start(broker.url(), broker.secret().login(id), sim.central(),
                    NodeOptions.defaults(id).withRig(RigOptions.defaults().withExpectedCameras(2).withRealtimeFire(false)))
                    .block(Duration.ofSeconds(60)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private String[] across(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--broker", broker.url().toString(), "--broker-nodes", "2", "--broker-credentials", login.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void statusAsJsonNamesEachCamerasNode() throws Exception {
        CliRun cli = new CliRun();
        assertThat(cli.run(across("status", "busy", "encoding", "--json"))).as(cli.err.toString()).isZero();
        JsonNode cameras = new ObjectMapper().readTree(cli.out.toString()).path("cameras");
        assertThat(cameras).hasSize(4);
        assertThat(cameras.findValuesAsText("node")).containsExactly("left", "left", "right", "right");
        cameras.forEach(c -> assertThat(c.path("statuses").path("encoding").asLong(-1)).isZero());
    }

    @Test
    void statusAsTextHasALinePerCameraWithItsNode() {
        CliRun cli = new CliRun();
        assertThat(cli.run(across("status", "busy"))).as(cli.err.toString()).isZero();
        List<String> lines = cli.out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("left").contains("busy=0");
        assertThat(lines.get(3)).startsWith("right").contains("busy=0");
    }

    @Test
    void presetAndSettingRunOnEveryNode() {
        CliRun cli = new CliRun();
        assertThat(cli.run(across("preset", "load", "--group", "photo"))).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString().lines().toList()).hasSize(4)
                .allSatisfy(l -> assertThat(l).matches("(left|right) +GoPro \\d+ +load preset group 1001: ok"));
        CliRun set = new CliRun();
        assertThat(set.run(across("preset", "load", "--group", "video"))).isZero();
        assertThat(set.run(across("settings", "set", "video_resolution", "1080"))).as(set.err.toString()).isZero();
        assertThat(set.out.toString()).contains("left ").contains("right ").contains("video_resolution = ");
    }
}
