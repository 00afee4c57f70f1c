package io.camrig.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code camrig http …} against cameras that lie: escapes in strings, garbage, huge headers. */
class HostileCameraTest {
    private static final String INFO = "{\"model_name\":\"\\u001b[2J\\u001b[31mHERO12 Black\",\"model_number\":62,"
            + "\"firmware_version\":\"H23.01.02.32.00\",\"serial_number\":\"C3501460050001\\r\\nserial       FORGED\","
            + "\"ap_ssid\":\"GP60050001\",\"ap_mac_addr\":\"02ca00000001\"}";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private int run(String... args) {
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String warnings() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList().toString();
    }

    @Test
    void infoShowsCameraStringsWithControlCharactersEscaped() {
        try (ScriptedHttpCamera camera = ScriptedHttpCamera.answering(r -> ScriptedHttpCamera.json(INFO, ""))) {
            assertThat(run("http", "--url", camera.uri().toString(), "info")).as(err.toString()).isZero();
        }
        assertThat(out.toString()).doesNotContain("\u001B").doesNotContain("\r")
                .contains("\\e[2J\\e[31mHERO12 Black")
                .contains("C3501460050001\\r\\nserial       FORGED");
        assertThat(out.toString().lines().filter(l -> l.startsWith("serial"))).hasSize(1);
    }

    @Test
    void garbageInsteadOfHttpIsOneLineAndExitOne() {
        try (ScriptedHttpCamera camera = ScriptedHttpCamera.answering(
                r -> "\u0000\u0001 this is not HTTP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
            assertThat(run("http", "--url", camera.uri().toString(), "state")).isEqualTo(1);
        }
        assertThat(err.toString()).startsWith("camrig http: ").contains("malformed HTTP response");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(warnings()).isEqualTo("[]");
    }

    @Test
    void aHeaderOf200KbIsOneLineAndExitOne() {
        String huge = "HTTP/1.1 200 OK\r\nX-Junk: " + "a".repeat(200 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}";
        try (ScriptedHttpCamera camera = ScriptedHttpCamera.answering(r -> huge.getBytes(StandardCharsets.ISO_8859_1))) {
            assertThat(run("http", "--url", camera.uri().toString(), "state")).isEqualTo(1);
        }
        assertThat(err.toString()).startsWith("camrig http: ").contains("malformed HTTP response");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(warnings()).isEqualTo("[]");
    }

    @Test
    void bytesAfterTheBodyDoNotPrintWarnings() {
        try (ScriptedHttpCamera camera = ScriptedHttpCamera.answering(r -> ScriptedHttpCamera.json(INFO,
                "HTTP/1.1 garbage after the body\r\n\r\n" + "x".repeat(5000)))) {
            int code = run("http", "--url", camera.uri().toString(), "info");
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(err.toString()).isEmpty();
        assertThat(warnings()).isEqualTo("[]");
    }
}
