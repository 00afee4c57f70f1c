package io.camrig.cli.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code camrig decode}: decodes a BLE trace (lines {@code <characteristic> <hex packet>}, from
 * standard input or {@code --file}) to JSON Lines on standard output; see {@link TraceDecoder} for
 * the formats.
 *
 * <p>Exit codes: 0 when every line decoded, 1 when error objects were printed, 2 when the input
 * could not be read (message on standard error).
 */
@Command(name = "decode",
        description = {
            "Decode a BLE trace to JSON Lines, one object per reassembled message.",
            "Input lines: <characteristic> <hex packet>, e.g. 'GP-0073 02:01:00'; blank lines and # comments are skipped.",
            "Exit 0 when every line decoded, 1 when errors were printed, 2 when the input cannot be read."})
public final class DecodeCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the trace from FILE instead of standard input.")
    private Path file;

    @Option(names = "--show-secrets", description = "Print the Wi-Fi AP password and COHN credentials instead of ***.")
    private boolean showSecrets;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    /** Reads standard input when no {@code --file} is given. */
    public DecodeCommand() {
        this(System.in);
    }

    /** Reads {@code stdin} when no {@code --file} is given (for tests and embedding). */
    public DecodeCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceDecoder decoder = new TraceDecoder(showSecrets);
        try {
            TraceDecoder.Result result;
            if (file != null) {
                // Like standard input: malformed UTF-8 becomes U+FFFD and that line is reported, not the file.
                try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                    result = decoder.decode(in, out);
                }
            } else {
                // A read of stdin cannot be interrupted: Ctrl-C ends the process; every line decoded is printed.
                io.camrig.cli.console.Interrupts.stopAtOnce("decoding the trace on stdin");
                result = decoder.decode(new InputStreamReader(stdin, StandardCharsets.UTF_8), out);
            }
            return result.ok() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("camrig decode: no such file: " + e.getFile());
        } catch (IOException e) {
            err.println("camrig decode: cannot read the trace: " + e);
        }
        err.flush();
        return 2;
    }
}
