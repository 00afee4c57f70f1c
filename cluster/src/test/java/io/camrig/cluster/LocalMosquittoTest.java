package io.camrig.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.LocalMosquitto;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.MqttLink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * The Mosquitto that {@code camrig bench cluster --broker-impl mosquitto} starts: members log in
 * with their derived passwords (a node with the credentials file the bench hands it), the ACL keeps
 * a node to its own id, the secrets stay in 0600 files, and closing it leaves no process behind.
 */
class LocalMosquittoTest {
    @TempDir
    Path dir;

    @Test
    void membersLogInANodeIsKeptToItsIdAndClosingLeavesNoProcess() throws Exception {
        MosquittoFixture.requireInstalled();
        BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
        LocalMosquitto mosquitto = LocalMosquitto.start(dir.resolve("broker"), secret,
                List.of(Topics.COORDINATOR, "alpha", "beta"), Optional.empty()).block(Duration.ofSeconds(60));
        ProcessHandle process;
        try {
            process = mosquitto.process().orElseThrow();
            assertThat(process.isAlive()).isTrue();
            assertThat(mosquitto.url().host()).isEqualTo("127.0.0.1");
            // A node logs in with the credentials file the bench writes for it (as NodeProcesses does).
            Path file = dir.resolve("alpha.login");
            secret.loginFile("alpha", file);
            BrokerLogin fromFile = BrokerLogin.read(file);
            MqttLink.connect(mosquitto.url(), fromFile, "file-alpha", 0, 5, null).block(Duration.ofSeconds(20)).close();
            MosquittoTest.assertANodeIsKeptToItsOwnTopics(mosquitto.url(), mosquitto::login);
            // Another secret's password for the same user is refused, and never echoed.
            BrokerLogin wrong = BrokerSecret.generate("mqtt://127.0.0.1:0").login("alpha");
            StepVerifier.create(MqttLink.connect(mosquitto.url(), wrong, "wrong-alpha", 0, 5, null))
                    .expectErrorSatisfies(e -> assertThat(e.getMessage())
                            .doesNotContain(new String(wrong.password(), StandardCharsets.UTF_8)))
                    .verify(Duration.ofSeconds(20));
            // The plain passwords never reach the configuration, the ACL or the log; every file is private.
            String alphaPassword = new String(secret.login("alpha").password(), StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(dir.resolve("broker"))) {
                for (Path f : files.toList()) {
                    assertThat(Files.readString(f)).as("%s", f).doesNotContain(alphaPassword);
                    if (!f.equals(mosquitto.log())) {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as("%s", f)
                                .isEqualTo("rw-------");
                    }
                }
            }
        } finally {
            mosquitto.close();
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(mosquitto.process()).isEmpty();
    }
}
