package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI's logging set up in code ({@link CliLogging}): libraries whose warnings repeat a failure
 * the CLI reports are quiet, camrig's own warnings show on stderr, {@code CAMRIG_LOG} sets every level.
 */
class CliLoggingTest {
    private static final List<String> LOGGERS = List.of("reactor.netty.http.client.HttpClientConnect",
            "io.netty.channel.DefaultChannelPipeline", "reactor.core.publisher.Operators",
            "org.freedesktop.dbus.connections.AbstractConnection", "com.github.hypfvieh.Something",
            "io.github.resilience4j.circuitbreaker.CircuitBreaker", "io.camrig.engine.rig.Rig", "ROOT");

    @AfterEach
    void clear() {
        System.clearProperty("CAMRIG_LOG");
    }

    @Test
    void librariesThatRepeatOurFailuresAreQuietOursWarn() {
        System.clearProperty("CAMRIG_LOG");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CAMRIG_LOG") == null, "CAMRIG_LOG overrides every level");
        LoggerContext code = configured();
        for (String name : LOGGERS.subList(0, 6)) {
            Level expected = name.startsWith("reactor.core.publisher.Operators") ? Level.OFF : Level.ERROR;
            assertThat(code.getLogger(name).getEffectiveLevel()).as(name).isEqualTo(expected);
        }
        assertThat(code.getLogger("io.camrig.engine.rig.Rig").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(code.getLogger("ROOT").getEffectiveLevel()).isEqualTo(Level.WARN);
        var appender = (ConsoleAppender<?>) code.getLogger("ROOT").getAppender("STDERR");
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
    }

    @Test
    void camrigLogSetsEveryLogger() {
        System.setProperty("CAMRIG_LOG", "debug");
        LoggerContext code = configured();
        for (String name : LOGGERS) {
            assertThat(code.getLogger(name).getEffectiveLevel()).as(name).isEqualTo(Level.DEBUG);
        }
    }

    @Test
    void anExplicitConfigurationFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            CliLogging logging = new CliLogging();
            LoggerContext context = new LoggerContext();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger("ROOT").iteratorForAppenders().hasNext()).isFalse();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        CliLogging logging = new CliLogging();
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }
}
