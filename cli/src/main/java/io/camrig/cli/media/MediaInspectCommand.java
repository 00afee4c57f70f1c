package io.camrig.cli.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
import io.camrig.footage.error.FootageFormatException;
import io.camrig.proto.error.CamrigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code camrig media inspect FILE... [--json]}: prints what each GoPro MP4 says about itself
 * ({@link FootageReader}): firmware and camera id ({@code udta}), creation time and duration
 * ({@code mvhd}), start timecode ({@code tmcd}), telemetry devices, streams, timestamps and GPS time
 * (GPMF). Text output escapes control characters in what the camera wrote; JSON escapes by itself.
 * Exit codes: 0 every file read, 1 some file unreadable (the reason on stderr, one line each, and
 * with {@code --json} in the document's {@code errors}: {@code [{"file", "error"}]}; the others
 * printed), 2 bad usage. Only regular files are opened: a directory, pipe or device is refused
 * at once, never waited on.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print what GoPro MP4s recorded about themselves: udta, mvhd, tmcd timecode, GPMF.")
public final class MediaInspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MP4 files to read (only their headers are read).")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document: {\"files\": [...]}, with "
            + "\"errors\": [{\"file\", \"error\"}] when some could not be read.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The facts of {@code file}; only a regular file is opened (a directory fails at once, and a
     * named pipe or a device would block the read).
     */
    private static FootageFacts read(Path file) throws IOException {
        if (!java.nio.file.Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("not a regular file (a directory, pipe or device): only recordings are read");
        }
        return FootageReader.read(file);
    }

    /** The OS's reason, without Java's class names: "no such file", "permission denied" … */
    private static String ioReason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode array = JSON.createArrayNode();
        int failed = 0;
        boolean first = true;
        ArrayNode errors = JSON.createArrayNode();
        for (Path file : files) {
            FootageFacts facts;
            try {
                facts = read(file);
            } catch (CamrigException | IOException e) {
                String why = e instanceof IOException io ? ioReason(io)
                        : e instanceof FootageFormatException f ? f.detail() : e.getMessage();
                err.println("camrig media inspect: " + io.camrig.cli.console.TerminalText.safe(file.toString()) + ": "
                        + io.camrig.cli.console.TerminalText.safe(why));
                errors.addObject().put("file", file.toString()).put("error", why);
                failed++;
                continue;
            }
            if (json) {
                array.add(FootageJson.of(facts, file.toString()));
            } else {
                if (!first) {
                    out.println();
                }
                FootageText.render(facts, file.toString(), out);
            }
            first = false;
        }
        if (json) {
            var doc = JSON.createObjectNode();
            doc.set("files", array);
            if (!errors.isEmpty()) {
                doc.set("errors", errors);
            }
            out.println(JSON.writeValueAsString(doc));
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}
