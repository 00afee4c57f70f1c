package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.ExitCodes;
import io.camrig.http.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camrig demo --chapter-size}: each camera's recording comes in chapters, and the take holds them all. */
class DemoChaptersTest {
    @TempDir
    Path media;
    private final io.camrig.cli.CliRun cli = new io.camrig.cli.CliRun();

    @Test
    void theTakeHoldsEveryChapterOfEachCamerasRecording() throws Exception {
        int code = cli.runAfresh("demo", "--cameras", "2", "--duration", "300ms", "--file-size", "65536",
                "--chapter-size", "20000", "--media-dir", media.toString(), "--no-progress", "--max-spread", "2s");
        assertThat(code).as("stdout: %s%nstderr: %s", cli.out, cli.err).isIn(0, ExitCodes.SOME_FAILED);

        Path take;
        try (Stream<Path> takes = Files.list(media)) {
            take = takes.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode m = new ObjectMapper().readTree(take.resolve("take.json").toFile());
        assertThat(m.get("cameras")).hasSize(2);
        for (JsonNode c : m.get("cameras")) {
            List<String> names = new ArrayList<>();
            long bytes = 0;
            for (JsonNode f : c.get("files")) {
                names.add(f.get("name").asText());
                bytes += f.get("size").asLong();
                assertThat(f.get("state").asText()).isEqualTo("VERIFIED");
                assertThat(f.get("sha256").asText()).isEqualTo(Sha256.of(take.resolve(f.get("path").asText())));
                assertThat(f.at("/footage/startTimecode").asText()).isNotEmpty();
            }
            // 65536 B at 20000 B a chapter: 4 chapters of one recording
            assertThat(names).containsExactly("GX010001.MP4", "GX020001.MP4", "GX030001.MP4", "GX040001.MP4");
            assertThat(bytes).isEqualTo(65536);
        }
        assertThat(cli.runAfresh("takes", "--media-dir", media.toString(), "verify", "latest"))
                .as("%s", cli.err).isZero();
    }
}
