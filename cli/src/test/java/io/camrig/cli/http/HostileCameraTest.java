package io.camrig.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camrig.cli.CamrigCommand;
import io.camrig.simulator.http.CohnAuthority;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code camrig http …} against cameras that lie: escapes in strings, garbage, huge headers, a
 * certificate that is not the one the user gave.
 */
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

    /** WARN or worse from Netty / Reactor Netty that carries a stack trace. */
    private String nettyTraces() {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("reactor.netty") || e.getLoggerName().startsWith("io.netty"))
                .filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList().toString();
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

    @Test
    void aCertificateThatIsNotTheGivenCohnCaIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        // a CA of another camera: the TLS handshake is refused on the client side
        Path otherCa = Files.writeString(dir.resolve("GoProRootCA.crt"),
                CohnAuthority.generate("C3501460059999", "127.0.0.1").rootPem());
        SdCard card = new SdCard("C3501460050001", 42, 1000);
        VirtualCameraHttpServer camera = VirtualCameraHttpServer.start(card,
                HttpCameraIdentity.fromSerial("C3501460050001"), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15));
        try {
            String https = camera.cohnBaseUri().orElseThrow().toString();
            assertThat(https).startsWith("https://127.0.0.1:");
            // the traces came in 4 of 8 runs: run it 8 times, on a fresh command line each time
            for (int i = 0; i < 8; i++) {
                err.getBuffer().setLength(0);
                assertThat(run("http", "--url", https, "--cohn-ca", otherCa.toString(), "info"))
                        .as("run %d: %s", i, err).isEqualTo(1);
                assertThat(err.toString()).as("run %d", i).startsWith("camrig http: ")
                        .contains("TLS handshake failed").contains("certificate was not accepted");
                assertThat(err.toString().lines()).as("run %d: %s", i, err).hasSize(1);
                assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
            }
        } finally {
            camera.close();
        }
        assertThat(out.toString()).isEmpty();
        assertThat(nettyTraces()).isEqualTo("[]");
    }
}
