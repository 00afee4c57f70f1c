package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.mqtt.MqttLink;
import io.camrig.cluster.mqtt.MqttRefusedException;
import io.camrig.cluster.wire.Fire;
import io.camrig.cluster.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Per-node authorisation on the embedded broker: a node may publish only under its own id; it
 * cannot publish another node's replies or a fire, and a wrong password is refused at login.
 */
class AuthorisationTest {
    private static BrokerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static MqttLink login(String user) {
        return MqttLink.connect(fixture.broker.url(), fixture.secret.login(user), "test-" + user, 0, 5, null)
                .block(Duration.ofSeconds(20));
    }

    @Test
    void aNodeCannotPublishAnotherNodesRepliesNorAFireAndNothingReachesTheCoordinator() {
        try (MqttLink coordinator = login(Topics.COORDINATOR); MqttLink alpha = login("alpha")) {
            coordinator.subscribe(Topics.allNodes()).block(Duration.ofSeconds(10));
            var seen = coordinator.inbound().map(MqttLink.Message::topic).replay();
            seen.connect();
            byte[] forged = "{\"id\":\"x\",\"node\":\"beta\",\"op\":\"fire\",\"cameras\":[]}".getBytes(StandardCharsets.UTF_8);
            StepVerifier.create(alpha.publish(Topics.reply("beta"), forged, true, false, 0))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MqttRefusedException.class)
                            .hasMessageContaining("NOT_AUTHORIZED"))
                    .verify(Duration.ofSeconds(10));
            byte[] fire = Wire.encode(new Fire("f", true, 0, 0, 0, List.of("alpha", "beta")));
            // HiveMQ drops the offender's connection after a refusal: a fresh login tries the fire.
            try (MqttLink alpha2 = MqttLink.connect(fixture.broker.url(), fixture.secret.login("alpha"), "test-alpha-1",
                    0, 5, null).block(Duration.ofSeconds(20))) {
                StepVerifier.create(alpha2.publish(Topics.fire(), fire, true, false, 0))
                        .expectError(MqttRefusedException.class)
                        .verify(Duration.ofSeconds(10));
            }
            // HiveMQ also drops the offender's connection; logged in again, its own topics pass, and
            // the marker is the first thing the coordinator sees: the forged messages never reached it.
            try (MqttLink again = MqttLink.connect(fixture.broker.url(), fixture.secret.login("alpha"), "test-alpha-2",
                    0, 5, null).block(Duration.ofSeconds(20))) {
                again.publish(Topics.status("alpha"), "{}".getBytes(StandardCharsets.UTF_8), true, false, 0)
                        .block(Duration.ofSeconds(10));
            }
            StepVerifier.create(seen.take(1)).expectNext(Topics.status("alpha")).verifyComplete();
        }
    }

    @Test
    void aNodeCannotReadAnotherNodesCommands() {
        try (MqttLink alpha = login("alpha")) {
            StepVerifier.create(alpha.subscribe(Topics.command("beta")))
                    .expectError(MqttRefusedException.class)
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtLogin() {
        var login = new io.camrig.cluster.mqtt.BrokerLogin("alpha", "guess".getBytes(StandardCharsets.UTF_8),
                java.util.Optional.empty());
        StepVerifier.create(MqttLink.connect(fixture.broker.url(), login, "test-guess", 0, 5, null))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("BAD_USER_NAME_OR_PASSWORD")
                        .hasMessageNotContaining("guess"))
                .verify(Duration.ofSeconds(20));
    }
}
