package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camrig.cluster.broker.BrokerSecret;
import io.camrig.cluster.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The command line's logging as the CLI's process really runs it: libraries whose warnings repeat a failure the CLI reports itself
 * (a refused TLS handshake, a D-Bus link that closed) are quiet; camrig's own warnings still show.
 */
class LoggingConfigTest {
    @Test
    void libraryWarningsAreQuietOursAreNot() {
        assumeTrue(System.getenv("CAMRIG_LOG") == null, "CAMRIG_LOG overrides every level");
        assertLevels();
    }

    /**
     * The embedded broker (HiveMQ CE) re-configures logback for the whole JVM when it starts; in
     * {@code demo --nodes} or {@code serve} it runs in the CLI's process, whose levels must stay.
     */
    @Test
    void anEmbeddedBrokerStartedInProcessKeepsTheseLevels(@TempDir Path dir) {
        assumeTrue(System.getenv("CAMRIG_LOG") == null, "CAMRIG_LOG overrides every level");
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, BrokerSecret.generate("mqtt://127.0.0.1:0"),
                dir.resolve("broker")).block(Duration.ofMinutes(2))) {
            assertThat(broker).isNotNull();
            assertLevels();
        }
    }

    private static void assertLevels() {
        assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.freedesktop.dbus.connections.AbstractConnection").isWarnEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect").isErrorEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.camrig.engine.rig.Rig").isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.camrig.engine.rig.Rig").isInfoEnabled()).isFalse();
    }
}
