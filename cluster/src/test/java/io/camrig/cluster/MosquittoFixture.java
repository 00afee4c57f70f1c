package io.camrig.cluster;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.LocalMosquitto;
import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto (Debian package {@code mosquitto}) started by {@link LocalMosquitto}: free
 * loopback port, generated configuration, passwords and the per-node ACL of docs/multi-host.md.
 * Skipped with a message when Mosquitto is missing, unless {@code -Dcamrig.mosquitto.required=true}
 * (CI), which makes that a failure. {@link #close()} stops it and deletes its temporary directory.
 */
final class MosquittoFixture implements AutoCloseable {
    final Path dir;
    final BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
    final BrokerUrl url;
    /** The TLS files when the listener speaks TLS ({@code mqtts://}), else null. */
    final TestCertificates tls;
    final LocalMosquitto broker;

    MosquittoFixture(List<String> users) throws IOException {
        this(users, false);
    }

    /** With {@code tls}, the listener speaks TLS with a server certificate from a CA generated here. */
    MosquittoFixture(List<String> users, boolean tls) throws IOException {
        requireInstalled();
        dir = Files.createTempDirectory("camrig-mosquitto");
        try {
            this.tls = tls ? TestCertificates.write(dir, "mosquitto") : null;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        broker = LocalMosquitto.start(dir, secret, users, Optional.ofNullable(this.tls)
                .map(t -> new LocalMosquitto.Tls(t.ca(), t.certificate(), t.key()))).block(Duration.ofSeconds(60));
        url = broker.url();
    }

    /** Aborts the calling test when Mosquitto is not installed, or fails it under camrig.mosquitto.required. */
    static void requireInstalled() {
        if (!LocalMosquitto.installed()) {
            if (Boolean.getBoolean("camrig.mosquitto.required")) {
                throw new IllegalStateException("mosquitto is required (camrig.mosquitto.required) but is not installed");
            }
            Assumptions.abort("mosquitto not installed (apt-get install mosquitto): Mosquitto tests skipped");
        }
    }

    /** The login of {@code user}, trusting this broker's CA when it speaks TLS. */
    BrokerLogin login(String user) {
        return broker.login(user);
    }

    /** Restarts the broker on the same port, without state ({@link LocalMosquitto#restart()}). */
    void restart() {
        broker.restart().block(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        broker.close();
        BrokerFixture.deleteTree(dir);
    }
}
