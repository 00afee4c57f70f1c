package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The command line's logback.xml: libraries whose warnings repeat a failure the CLI reports itself
 * (a refused TLS handshake, a D-Bus link that closed) are quiet; camrig's own warnings still show.
 */
class LoggingConfigTest {
    @Test
    void libraryWarningsAreQuietOursAreNot() {
        assumeTrue(System.getenv("CAMRIG_LOG") == null, "CAMRIG_LOG overrides every level");
        assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.freedesktop.dbus.connections.AbstractConnection").isWarnEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect").isErrorEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.camrig.engine.rig.Rig").isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.camrig.engine.rig.Rig").isInfoEnabled()).isFalse();
    }
}
