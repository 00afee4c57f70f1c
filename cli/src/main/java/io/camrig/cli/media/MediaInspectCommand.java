package io.camrig.cli.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camrig.footage.FootageFacts;
import io.camrig.footage.FootageReader;
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
 * Exit codes: 0 every file read, 1 some file unreadable (the reason on stderr, the others printed),
 * 2 bad usage.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print what GoPro MP4s recorded about themselves: udta, mvhd, tmcd timecode, GPMF.")
public final class MediaInspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MP4 files to read (only their headers are read).")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document: {\"files\": [...]}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode array = JSON.createArrayNode();
        int failed = 0;
        boolean first = true;
        for (Path file : files) {
            FootageFacts facts;
            try {
                facts = FootageReader.read(file);
            } catch (CamrigException | IOException e) {
                err.println("camrig media inspect: " + io.camrig.cli.console.TerminalText.safe(file.toString()) + ": "
                        + io.camrig.cli.console.TerminalText.safe(e instanceof CamrigException ? e.getMessage() : e.toString()));
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
            out.println(JSON.writeValueAsString(JSON.createObjectNode().set("files", array)));
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}
