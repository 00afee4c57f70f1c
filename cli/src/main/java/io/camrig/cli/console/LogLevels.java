package io.camrig.cli.console;

import java.util.Locale;
import java.util.Map;

/**
 * The command line's log levels, whatever logs them: logback in {@code camrig.jar} ({@link
 * CliLogging}), SLF4J's simple logger in {@code camrig-offload.jar} ({@link OffloadLogging}).
 * Depends on no logging library, so that either can read it.
 *
 * <p>Everything logs at WARN to stderr but the libraries whose warnings repeat a failure the CLI
 * already reports (a refused TLS handshake, a D-Bus connection that closed): those log at ERROR;
 * errors Reactor drops after a cancellation are off. {@code CAMRIG_LOG} (a system property or the
 * environment variable: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error},
 * {@code off}) sets every logger to that level.
 */
public final class LogLevels {
    /** The root logger's level. */
    public static final String ROOT = "warn";

    /** Loggers (name prefixes) whose default level is not {@link #ROOT}'s, with their level. */
    public static final Map<String, String> QUIET = Map.of(
            "reactor.netty", "error",
            "io.netty", "error",
            "reactor.core.publisher.Operators", "off",
            "org.freedesktop.dbus", "error",
            "com.github.hypfvieh", "error",
            "io.github.resilience4j", "error");

    private LogLevels() {
    }

    /** {@code CAMRIG_LOG}, the system property first, then the environment; {@code null} when unset. */
    public static String camrigLog() {
        return System.getProperty("CAMRIG_LOG", System.getenv("CAMRIG_LOG"));
    }

    /**
     * The level {@code CAMRIG_LOG} asks for, lower case: {@code trace}, {@code debug}, {@code info},
     * {@code warn}, {@code error} or {@code off} ({@code all} reads as {@code trace}); any other
     * name reads as {@code debug}, as logback reads it.
     */
    public static String normalized(String camrigLog) {
        String level = camrigLog.trim().toLowerCase(Locale.ROOT);
        return switch (level) {
            case "trace", "debug", "info", "warn", "error", "off" -> level;
            case "all" -> "trace";
            default -> "debug";
        };
    }
}
