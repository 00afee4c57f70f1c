package io.camrig.cli.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The command line's logging, set up in code rather than in a {@code logback.xml}: logback's XML
 * configurator loads an XML parser and some 500 classes into every command, the offload included
 * (see BENCHMARKS.md, "Offload memory"). An embedded MQTT broker started in the CLI's process
 * carries these levels over (the cluster module's {@code HostLogging}).
 *
 * <p>Logging goes to stderr at {@link LogLevels}' levels (shared with the offload jar's {@link
 * OffloadLogging}): camrig's own at WARN, the libraries whose warnings repeat a failure the CLI
 * already reports at ERROR, {@code CAMRIG_LOG} sets every logger. With {@code
 * -Dlogback.configurationFile=FILE} logback reads that file instead, as usual. Found by logback
 * through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class CliLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        String all = LogLevels.camrigLog();
        LogLevels.QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level(all, level)));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(all, LogLevels.ROOT));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code CAMRIG_LOG}'s level when set (logback's reading: an unknown name is DEBUG), else {@code otherwise}. */
    private static Level level(String camrigLog, String otherwise) {
        return camrigLog == null ? Level.toLevel(otherwise) : Level.toLevel(camrigLog, Level.DEBUG);
    }
}
