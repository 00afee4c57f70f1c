package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offload jar's logging set-up ({@link OffloadLogging}): the simple logger gets the levels
 * logback gets in {@code camrig.jar} ({@link LogLevels}), writes to stderr, and {@code CAMRIG_LOG}
 * sets every level. What it prints is checked on the packaged jar ({@code OffloadJarIT}).
 */
class OffloadLoggingTest {
    private static final String P = OffloadLogging.PREFIX;

    @Test
    void rootWarnsLibrariesThatRepeatOurFailuresAreQuiet() {
        Map<String, String> p = OffloadLogging.properties(null);
        assertThat(p).containsEntry(P + "logFile", "System.err")
                .containsEntry(P + "defaultLogLevel", "warn")
                .containsEntry(P + "log.reactor.netty", "error")
                .containsEntry(P + "log.io.netty", "error")
                .containsEntry(P + "log.reactor.core.publisher.Operators", "off")
                .containsEntry(P + "log.org.freedesktop.dbus", "error")
                .containsEntry(P + "log.com.github.hypfvieh", "error")
                .containsEntry(P + "log.io.github.resilience4j", "error");
        LogLevels.QUIET.forEach((name, level) -> assertThat(p).containsEntry(P + "log." + name, level));
    }

    @Test
    void camrigLogSetsEveryLevelAsLogbackReadsIt() {
        Map<String, String> debug = OffloadLogging.properties("DEBUG");
        assertThat(debug).containsEntry(P + "defaultLogLevel", "debug");
        LogLevels.QUIET.keySet().forEach(name -> assertThat(debug).containsEntry(P + "log." + name, "debug"));
        assertThat(OffloadLogging.properties("info")).containsEntry(P + "log.io.netty", "info");
        assertThat(OffloadLogging.properties("all")).containsEntry(P + "defaultLogLevel", "trace");
        // logback reads a name it does not know as DEBUG; so does the offload.
        assertThat(OffloadLogging.properties("verbose")).containsEntry(P + "defaultLogLevel", "debug");
    }

    @Test
    void aSimpleLoggerPropertyGivenOnTheCommandLineWins() {
        String name = P + "defaultLogLevel";
        System.setProperty(name, "info");
        try {
            OffloadLogging.configure();
            assertThat(System.getProperty(name)).isEqualTo("info");
            assertThat(System.getProperty(P + "log.io.netty")).isNotNull();
        } finally {
            OffloadLogging.properties(null).keySet().forEach(System::clearProperty);
        }
    }
}
