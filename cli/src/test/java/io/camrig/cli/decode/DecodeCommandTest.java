package io.camrig.cli.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new DecodeCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void cleanTraceFromStdinExitsZero() {
        assertThat(run("GP-0073 02:01:00\nGP-0075 02:02:00\n")).isZero();
        assertThat(out.toString().lines()).hasSize(2)
                .allSatisfy(l -> assertThat(l).startsWith("{\"line\":"));
    }

    @Test
    void errorsExitOne() {
        assertThat(run("GP-0073 81:00\nGP-0073 02:01:00\n")).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).contains("ContinuationWithoutStartException");
    }

    @Test
    void readsAFileAndShowsSecretsOnRequest(@TempDir Path dir) throws IOException {
        Path trace = Files.writeString(dir.resolve("trace.txt"), "# AP credentials\nGP-0003 73:33:63:72:33:74\n");
        assertThat(run("", "--file", trace.toString())).isZero();
        assertThat(out.toString()).contains("\"value\":\"***\"").doesNotContain("s3cr3t");
        assertThat(run("", "-f", trace.toString(), "--show-secrets")).isZero();
        assertThat(out.toString()).contains("\"value\":\"s3cr3t\"");
    }

    @Test
    void missingFileExitsTwo(@TempDir Path dir) {
        assertThat(run("", "--file", dir.resolve("absent.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
        assertThat(out.toString()).isEmpty();
    }
}
