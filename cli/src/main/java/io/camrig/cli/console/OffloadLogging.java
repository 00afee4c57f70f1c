package io.camrig.cli.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The offload's logging ({@code camrig-offload.jar}, {@code ./camrig offload}): SLF4J's simple
 * logger instead of logback, with {@link LogLevels}' levels. Logback's classes and set-up (about
 * 220 classes and their start-up work in every offload) buy the offload nothing: it logs rarely,
 * to stderr only (BENCHMARKS.md, "Offload memory, session 11").
 *
 * <p>Lines go to stderr as {@code HH:mm:ss.SSS LEVEL Logger - message}, with a stack trace after
 * when the event carries one. The simple logger reads its set-up from {@code org.slf4j.simpleLogger.*}
 * system properties once, when the first logger is made: {@link #configure()} sets those not
 * already given on the command line (a {@code -Dorg.slf4j.simpleLogger…} option wins).
 */
public final class OffloadLogging {
    /** The simple logger's property prefix. */
    static final String PREFIX = "org.slf4j.simpleLogger.";

    private OffloadLogging() {
    }

    /**
     * Sets the simple logger's system properties for {@link LogLevels} and {@code CAMRIG_LOG}, each
     * unless already set. Call before any logger is made (first thing in {@code main}).
     */
    public static void configure() {
        properties(LogLevels.camrigLog()).forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /**
     * The simple logger's properties for a {@code CAMRIG_LOG} value ({@code null} when unset): the
     * format, stderr, the root's level and one per {@link LogLevels#QUIET} logger.
     */
    static Map<String, String> properties(String camrigLog) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "logFile", "System.err");
        p.put(PREFIX + "showDateTime", "true");
        p.put(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        p.put(PREFIX + "showThreadName", "false");
        p.put(PREFIX + "showShortLogName", "true");
        String all = camrigLog == null ? null : LogLevels.normalized(camrigLog);
        p.put(PREFIX + "defaultLogLevel", all == null ? LogLevels.ROOT : all);
        LogLevels.QUIET.forEach((name, level) -> p.put(PREFIX + "log." + name, all == null ? level : all));
        return p;
    }
}
