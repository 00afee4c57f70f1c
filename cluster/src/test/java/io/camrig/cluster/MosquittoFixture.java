package io.camrig.cluster;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.mqtt.MqttLink;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import reactor.util.retry.Retry;

/**
 * A real Mosquitto (Debian package {@code mosquitto}) on a free loopback port with a generated
 * configuration: no anonymous access, a password file (hashed with {@code mosquitto_passwd -U}),
 * and the per-node ACL of docs/multi-host.md. Skipped with a message when Mosquitto is missing,
 * unless {@code -Dcamrig.mosquitto.required=true} (CI), which makes that a failure.
 */
final class MosquittoFixture implements AutoCloseable {
    static final String ACL = """
            user coordinator
            topic write camrig/v1/coord/#
            topic read camrig/v1/node/#

            pattern write camrig/v1/node/%u/#
            pattern read camrig/v1/coord/cmd/%u
            pattern read camrig/v1/coord/clock/%u
            pattern read camrig/v1/coord/fire
            """;

    final Path dir;
    final BrokerSecret secret = BrokerSecret.generate("mqtt://127.0.0.1:0");
    final BrokerUrl url;
    /** The TLS files when the listener speaks TLS ({@code mqtts://}), else null. */
    final TestCertificates tls;
    private Process process;

    MosquittoFixture(List<String> users) throws IOException, InterruptedException {
        this(users, false);
    }

    /** With {@code tls}, the listener speaks TLS with a server certificate from a CA generated here. */
    MosquittoFixture(List<String> users, boolean tls) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd"));
        if (!present) {
            if (Boolean.getBoolean("camrig.mosquitto.required")) {
                throw new IllegalStateException("mosquitto is required (camrig.mosquitto.required) but /usr/sbin/mosquitto is missing");
            }
            Assumptions.abort("mosquitto not installed (apt-get install mosquitto): Mosquitto tests skipped");
        }
        dir = Files.createTempDirectory("camrig-mosquitto");
        StringBuilder passwd = new StringBuilder();
        for (String u : users) {
            passwd.append(u).append(':').append(new String(secret.login(u).password(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('\n');
        }
        Path pw = dir.resolve("passwd");
        Files.writeString(pw, passwd);
        Process hash = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-U", pw.toString()).redirectErrorStream(true).start();
        if (!hash.waitFor(30, TimeUnit.SECONDS) || hash.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd -U failed: " + new String(hash.getInputStream().readAllBytes()));
        }
        Files.writeString(dir.resolve("acl"), ACL);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try {
            this.tls = tls ? TestCertificates.write(dir, "mosquitto") : null;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // "user": started as root, Mosquitto would switch to user mosquitto, who cannot read this private directory.
        Files.writeString(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                persistence false
                log_dest stderr
                user %s
                """.formatted(port, pw, dir.resolve("acl"), System.getProperty("user.name"))
                + (tls ? "cafile %s%ncertfile %s%nkeyfile %s%n".formatted(this.tls.ca(), this.tls.certificate(), this.tls.key())
                        : ""));
        url = new BrokerUrl("127.0.0.1", port, tls);
        start();
    }

    /** The login of {@code user}, trusting this broker's CA when it speaks TLS. */
    io.camrig.cluster.mqtt.BrokerLogin login(String user) {
        return tls == null ? secret.login(user) : secret.login(user).withCaFile(tls.ca());
    }

    private void start() throws IOException {
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        // Ready when a login succeeds (retried with backoff; no sleeping).
        MqttLink.connect(url, login(Topics.COORDINATOR), "probe", 0, 5, null)
                .retryWhen(Retry.backoff(50, Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(500)))
                .block(Duration.ofSeconds(30)).close();
    }

    /**
     * Restarts the broker on the same port: stopped (SIGTERM, waited for), started again. It keeps
     * no state ({@code persistence false}): sessions, subscriptions and retained messages are gone,
     * as after a broker host's crash.
     */
    void restart() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        start();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
