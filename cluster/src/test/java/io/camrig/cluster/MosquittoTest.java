package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.RigOptions;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster on a real Mosquitto with passwords and the per-node ACL of docs/multi-host.md. */
class MosquittoTest {
    private static final String MARKER = Topics.ROOT + "/node/alpha/acl-marker";
    private static MosquittoFixture mosquitto;
    private static final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mosquitto = new MosquittoFixture(List.of(Topics.COORDINATOR, "alpha", "beta"));
        for (String id : List.of("alpha", "beta")) {
            VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024))
                    .block(Duration.ofSeconds(30));
            closeables.add(sim);
            closeables.add(0, RigNode.start(mosquitto.url, mosquitto.secret.login(id), sim.central(),
                    NodeOptions.defaults(id).withRig(RigOptions.defaults().withExpectedCameras(2).withRealtimeFire(false)))
                    .block(Duration.ofSeconds(60)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aRigAcrossNodesRunsAndFiresOnMosquitto() {
        try (DistributedRig rig = DistributedRig.connect(mosquitto.url, mosquitto.secret.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(2).withClockLimit(Duration.ofMillis(50))
                        .withFireLead(Duration.ofSeconds(1))).block(Duration.ofSeconds(30))) {
            assertThat(rig.members()).hasSize(4);
            assertThat(rig.connect().block(Duration.ofSeconds(30)).allOk()).isTrue();
            rig.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(Duration.ofSeconds(30));
            FireResult on = rig.fire(true).block(Duration.ofSeconds(60));
            assertThat(on.shutter().allOk()).as("%s", on.shutter()).isTrue();
            assertThat(rig.fire(false).block(Duration.ofSeconds(60)).shutter().allOk()).isTrue();
        }
    }

    @Test
    void theAclKeepsANodeToItsOwnTopics() {
        assertANodeIsKeptToItsOwnTopics(mosquitto.url, mosquitto::login);
    }

    /**
     * On a Mosquitto with the ACL of docs/multi-host.md and logins for the coordinator, alpha and
     * beta: alpha's forged reply of beta and forged fire never reach the coordinator; its own marker does.
     */
    static void assertANodeIsKeptToItsOwnTopics(io.camrig.cluster.mqtt.BrokerUrl url,
            java.util.function.Function<String, io.camrig.cluster.mqtt.BrokerLogin> login) {
        try (MqttLink coordinator = MqttLink.connect(url, login.apply(Topics.COORDINATOR),
                "acl-coordinator", 0, 5, null).block(Duration.ofSeconds(20));
             MqttLink alpha = MqttLink.connect(url, login.apply("alpha"), "acl-alpha", 0, 5, null)
                     .block(Duration.ofSeconds(20))) {
            coordinator.subscribe(Topics.allNodes()).block(Duration.ofSeconds(10));
            var seen = coordinator.inbound().map(MqttLink.Message::topic)
                    .filter(t -> t.equals(Topics.reply("beta")) || t.equals(MARKER)).replay();
            seen.connect();
            byte[] forged = "{\"id\":\"x\",\"node\":\"beta\",\"op\":\"fire\"}".getBytes(StandardCharsets.UTF_8);
            // Mosquitto answers a denied QoS 1 publish without delivering it (with MQTT 5: "not authorized").
            alpha.publish(Topics.reply("beta"), forged, true, false, 0).onErrorResume(e -> reactor.core.publisher.Mono.empty())
                    .block(Duration.ofSeconds(10));
            alpha.publish(Topics.fire(), forged, true, false, 0).onErrorResume(e -> reactor.core.publisher.Mono.empty())
                    .block(Duration.ofSeconds(10));
            alpha.publish(MARKER, "{}".getBytes(StandardCharsets.UTF_8), true, false, 0).block(Duration.ofSeconds(10));
            assertThat(seen.next().block(Duration.ofSeconds(10))).isEqualTo(MARKER);
        }
    }
}
