package io.camrig.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code camrig demo --metrics-port P} when another process holds P. */
class DemoMetricsPortTest {
    @TempDir
    Path media;

    @Test
    void aMetricsPortInUseIsOneLineAndExitOne() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLine cli = CamrigCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute("demo", "--cameras", "1", "--duration", "100ms", "--file-size", "4096", "--media-dir",
                    media.toString(), "--no-progress", "--metrics-port", String.valueOf(taken.getLocalPort()));
            assertThat(err.toString().strip()).isEqualTo("camrig demo: serve metrics: cannot serve metrics on 127.0.0.1:"
                    + taken.getLocalPort() + ": the port is in use (choose another, or 0 for a free one)");
        }
        assertThat(code).isEqualTo(1);
    }
}
