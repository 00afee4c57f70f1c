package io.camrig.cluster.broker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The host process's logging as it is configured now, written as a logback configuration for
 * HiveMQ CE, which re-configures logback for the whole JVM from its configuration folder when it
 * starts. Given this, a broker started in-process leaves the host's levels and console output as
 * they were, however the host configured them (in code, from XML, or by a test's file).
 *
 * <p>Carried over: every logger that has its own level, the root level, and the root's console
 * appenders (target and pattern). Other appenders (files, sockets) are not reproduced: the broker
 * then logs to stderr at the root level. A host without logback gets stderr at WARN.
 */
final class HostLogging {
    private static final String DEFAULT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private HostLogging() {
    }

    /** The configuration, as logback XML. */
    static String asLogbackXml() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return xml(List.of(), "WARN", List.of(console("System.err", DEFAULT_PATTERN, 0)));
        }
        List<String> loggers = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null && !Logger.ROOT_LOGGER_NAME.equals(logger.getName())) {
                loggers.add("  <logger name=\"" + escape(logger.getName()) + "\" level=\"" + logger.getLevel() + "\"/>\n");
            }
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<String> appenders = new ArrayList<>();
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<?> c && c.getEncoder() instanceof PatternLayoutEncoder p) {
                appenders.add(console(c.getTarget(), p.getPattern(), appenders.size()));
            }
        }
        if (appenders.isEmpty()) {
            appenders.add(console("System.err", DEFAULT_PATTERN, 0));
        }
        return xml(loggers, String.valueOf(root.getEffectiveLevel()), appenders);
    }

    private static String console(String target, String pattern, int n) {
        return "  <appender name=\"CONSOLE" + n + "\" class=\"ch.qos.logback.core.ConsoleAppender\"><target>"
                + escape(target) + "</target>\n    <encoder><pattern>" + escape(pattern) + "</pattern></encoder></appender>\n";
    }

    private static String xml(List<String> loggers, String rootLevel, List<String> appenders) {
        StringBuilder out = new StringBuilder("<configuration>\n")
                .append("  <statusListener class=\"ch.qos.logback.core.status.NopStatusListener\"/>\n");
        appenders.forEach(out::append);
        loggers.forEach(out::append);
        out.append("  <root level=\"").append(rootLevel).append("\">\n");
        for (int i = 0; i < appenders.size(); i++) {
            out.append("    <appender-ref ref=\"CONSOLE").append(i).append("\"/>\n");
        }
        return out.append("  </root>\n</configuration>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
