package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerTlsException;
import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * TLS to the broker (issue 16.4): a real Mosquitto listening with TLS only, its certificate signed
 * by a CA generated in this JVM (BouncyCastle). A node and the coordinator connect with
 * {@code mqtts://} and that CA; a client given another CA is refused with one
 * {@link BrokerTlsException} that names the CA file and never the password.
 */
class MosquittoTlsTest {
    private static MosquittoFixture mosquitto;
    private static VirtualRig sim;
    private static RigNode node;

    @BeforeAll
    static void start() throws Exception {
        mosquitto = new MosquittoFixture(List.of(Topics.COORDINATOR, "alpha"), true);
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withMediaFileBytes(1024)).block(Duration.ofSeconds(30));
        node = RigNode.start(mosquitto.url, mosquitto.login("alpha"), sim.central(),
                NodeOptions.defaults("alpha").withRig(RigOptions.defaults().withExpectedCameras(2).withRealtimeFire(false)))
                .block(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aNodeAndTheCoordinatorWorkOverTls() {
        assertThat(mosquitto.url.toString()).startsWith("mqtts://127.0.0.1:");
        try (DistributedRig rig = DistributedRig.connect(mosquitto.url, mosquitto.login(Topics.COORDINATOR),
                ClusterOptions.defaults().withExpectedNodes(1)).block(Duration.ofSeconds(30))) {
            assertThat(rig.nodes()).containsExactly("alpha");
            assertThat(rig.members()).hasSize(2).allSatisfy(m -> assertThat(m.node()).contains("alpha"));
            assertThat(rig.connect().block(Duration.ofSeconds(30)).allOk()).isTrue();
            assertThat(rig.ping().block(Duration.ofSeconds(10))).isPositive();
        }
    }

    @Test
    void anotherCaIsRefusedWithOneTypedErrorAndNoSecret() throws Exception {
        TestCertificates other = TestCertificates.write(mosquitto.dir, "other");
        BrokerLogin login = mosquitto.secret.login("alpha").withCaFile(other.ca());
        String password = new String(login.password(), StandardCharsets.UTF_8);
        StepVerifier.create(MqttLink.connect(mosquitto.url, login, "tls-wrong-ca", 0, 5, null))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BrokerTlsException.class)
                        .hasMessageContaining("not trusted by the CA in " + other.ca())
                        .hasMessageContaining(mosquitto.url.toString())
                        .hasMessageNotContaining(password))
                .verify(Duration.ofSeconds(20));
        StepVerifier.create(DistributedRig.connect(mosquitto.url, mosquitto.secret.login(Topics.COORDINATOR)
                        .withCaFile(other.ca()), ClusterOptions.defaults().withExpectedNodes(1)))
                .expectError(BrokerTlsException.class)
                .verify(Duration.ofSeconds(20));
    }
}
