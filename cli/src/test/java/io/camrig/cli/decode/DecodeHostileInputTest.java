package io.camrig.cli.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code camrig decode} on input meant to break it: look-alike digits, bad UTF-8, endless lines. */
class DecodeHostileInputTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(InputStream stdin, String... args) {
        CommandLine cli = new CommandLine(new DecodeCommand(stdin));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void nonAsciiDigitsAreABadLineAndTheRestStillDecodes() {
        // Arabic-Indic ٠١ and fullwidth Ａ pass Character.digit but are not hex.
        int code = run(text("GP-0073 \u0660\u0661\nGP-0073 0\uFF21\nGP-0073 02:01:00\n"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(0)).contains("\"line\":1").contains("TraceSyntaxException").contains("ASCII hex");
        assertThat(lines().get(1)).contains("\"line\":2").contains("TraceSyntaxException");
        assertThat(lines().get(2)).contains("\"line\":3").contains("\"kind\":\"command_response\"");
    }

    @Test
    void invalidUtf8InAFileIsABadLineLikeOnStandardInput(@TempDir Path dir) throws IOException {
        byte[] bad = {'G', 'P', '-', '0', '0', '7', '3', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] good = "GP-0073 02:01:00\n".getBytes(StandardCharsets.US_ASCII);
        Path trace = dir.resolve("trace.txt");
        Files.write(trace, concat(bad, good));

        assertThat(run(text(""), "-f", trace.toString())).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).contains("\"line\":1").contains("TraceSyntaxException");
        assertThat(lines().get(1)).contains("\"line\":2").contains("command_response");

        out.getBuffer().setLength(0);
        assertThat(run(new ByteArrayInputStream(concat(bad, good)))).isEqualTo(1);
        assertThat(lines()).hasSize(2);
    }

    @Test
    void anEndlessLineIsRefusedByTheCapNotBuffered() {
        // 8 MiB without a newline, produced lazily: only the cap is ever held.
        long size = 8L * 1024 * 1024;
        InputStream endless = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        InputStream input = new SequenceInputStream(new SequenceInputStream(text("GP-0073 02:01:00\n"), endless),
                text("\nGP-0075 02:02:00\n"));
        assertThat(run(input)).isEqualTo(1);
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(1)).contains("\"line\":2").contains("line longer than " + TraceDecoder.MAX_LINE_CHARS);
        assertThat(lines().get(2)).contains("\"line\":3").contains("setting_response");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
