package io.camrig.cluster.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The configuration handed to HiveMQ reproduces the host's live levels and console output. */
class HostLoggingTest {
    private static final String ODD = "io.camrig.test.<odd>&\"name\"";
    private final LoggerContext live = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void reset() {
        live.getLogger("io.camrig.test.quiet").setLevel(null);
        live.getLogger("io.camrig.test.loud").setLevel(null);
        live.getLogger(ODD).setLevel(null);
    }

    @Test
    void theBrokersConfigurationGivesTheHostsLevelsAndPattern() throws Exception {
        live.getLogger("io.camrig.test.quiet").setLevel(Level.OFF);
        live.getLogger("io.camrig.test.loud").setLevel(Level.TRACE);
        live.getLogger(ODD).setLevel(Level.ERROR);

        LoggerContext broker = configure(HostLogging.asLogbackXml());

        assertThat(broker.getLogger("io.camrig.test.quiet.Child").getEffectiveLevel()).isEqualTo(Level.OFF);
        assertThat(broker.getLogger("io.camrig.test.loud").getEffectiveLevel()).isEqualTo(Level.TRACE);
        assertThat(broker.getLogger(ODD).getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(broker.getLogger("ROOT").getEffectiveLevel())
                .isEqualTo(live.getLogger("ROOT").getEffectiveLevel());
        var appender = (ConsoleAppender<?>) broker.getLogger("ROOT").iteratorForAppenders().next();
        assertThat(appender.isStarted()).isTrue();
        var liveConsole = live.getLogger("ROOT").iteratorForAppenders().next();
        if (liveConsole instanceof ConsoleAppender<?> c && c.getEncoder() instanceof PatternLayoutEncoder p) {
            assertThat(appender.getTarget()).isEqualTo(c.getTarget());
            assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(p.getPattern());
        }
    }

    private static LoggerContext configure(String xml) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }
}
