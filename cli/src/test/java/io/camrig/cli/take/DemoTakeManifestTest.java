package io.camrig.cli.take;

import io.camrig.cli.console.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.http.Sha256;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The take manifest {@code camrig demo} writes, read back from disk field by field as another tool
 * would read it, then shown and verified by {@code camrig takes}.
 */
class DemoTakeManifestTest {
    private static final int CAMERAS = 3;
    private static final int FILE_BYTES = 65536;

    @TempDir
    Path media;
    private final io.camrig.cli.CliRun cli = new io.camrig.cli.CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.runAfresh(args);
    }

    @Test
    void theDemosTakeJsonHoldsEveryFieldTheIssueAsksFor() throws Exception {
        // A wide spread: this test is about the manifest, not about sync on a machine shared with other builds.
        int code = run("demo", "--cameras", String.valueOf(CAMERAS), "--duration", "300ms", "--file-size",
                String.valueOf(FILE_BYTES), "--media-dir", media.toString(), "--no-progress", "--max-spread", "2s");
        assertThat(code).as("stdout: %s%nstderr: %s", out, err).isIn(0, ExitCodes.SOME_FAILED);

        Path take;
        try (Stream<Path> takes = Files.list(media)) {
            take = takes.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        JsonNode m = new ObjectMapper().readTree(take.resolve("take.json").toFile());
        // rig and take ids
        assertThat(m.get("schema").asInt()).isEqualTo(1);
        assertThat(m.get("rigId").asText()).isNotEmpty();
        assertThat(m.get("takeId").asText()).isEqualTo(take.getFileName().toString());
        assertThat(m.get("createdAt").asText()).endsWith("Z");
        // the fire's figures
        JsonNode fire = m.get("fire");
        assertThat(fire.get("shutterOk").asInt()).isEqualTo(CAMERAS);
        assertThat(fire.get("cameras").asInt()).isEqualTo(CAMERAS);
        assertThat(fire.get("fireSkewMicros").isNumber()).isTrue();
        assertThat(fire.get("predictedSpreadMicros").isNumber()).isTrue();
        assertThat(fire.get("encodingSpreadMillis").isNumber()).isTrue();
        // the footage's figures next to them: the start timecode spread in frames
        JsonNode sync = m.at("/extensions/sync");
        assertThat(sync.get("timecodeSpreadFrames").isIntegralNumber()).as("%s", sync).isTrue();
        assertThat(sync.get("frameMs").asDouble()).isBetween(33.3, 33.4);
        assertThat(sync.get("ok").isBoolean()).isTrue();
        assertThat(sync.get("flagged").isArray()).isTrue();

        assertThat(m.get("cameras")).hasSize(CAMERAS);
        List<String> flagged = new ArrayList<>();
        sync.get("flagged").forEach(n -> flagged.add(n.asText()));
        for (JsonNode c : m.get("cameras")) {
            String serial = c.get("serial").asText();
            assertThat(take.resolve(serial)).isDirectory();
            assertThat(c.get("name").asText()).startsWith("GoPro ");
            assertThat(c.get("model").asText()).isEqualTo("HERO12 Black");
            assertThat(c.get("firmware").asText()).isNotEmpty();
            assertThat(c.has("node")).as("one host: no node").isFalse();
            assertThat(c.at("/settings/preset group").asText()).isNotEmpty();
            // every setting value the camera reported, named by the catalog
            JsonNode settings = c.get("settingsInForce");
            assertThat(settings.size()).as("%s", settings).isGreaterThan(10);
            JsonNode resolution = null;
            for (JsonNode s : settings) {
                assertThat(s.get("id").isInt()).isTrue();
                assertThat(s.get("name").asText()).isNotEmpty();
                assertThat(s.get("value").isNumber()).isTrue();
                if (s.get("id").asInt() == 2) {
                    resolution = s;
                }
            }
            assertThat(resolution).as("video resolution (setting 2)").isNotNull();
            assertThat(resolution.get("name").asText()).isEqualTo("video_resolution");
            assertThat(resolution.get("option").asText()).isNotEmpty();
            // each step's outcome
            assertThat(c.at("/steps/shutter on").asText()).isEqualTo("ok");
            assertThat(c.at("/steps/read settings").asText()).isEqualTo("ok");
            assertThat(c.at("/steps/download").asText()).isEqualTo("ok");
            // flagged late (or not), with the start offset
            assertThat(c.get("late").asBoolean()).isEqualTo(flagged.contains(c.get("name").asText()));
            assertThat(c.get("startOffsetMillis").isNumber()).isTrue();
            // the files: camera folder and name, size, SHA-256, where they are
            assertThat(c.get("files")).hasSize(1);
            JsonNode f = c.at("/files/0");
            assertThat(f.get("folder").asText()).isEqualTo("100GOPRO");
            assertThat(f.get("name").asText()).matches("GX\\d{6}\\.MP4");
            assertThat(f.get("size").asLong()).isEqualTo(FILE_BYTES);
            assertThat(f.get("state").asText()).isEqualTo("VERIFIED");
            Path file = take.resolve(f.get("path").asText());
            assertThat(f.get("path").asText()).isEqualTo(serial + "/100GOPRO/" + f.get("name").asText());
            assertThat(f.get("sha256").asText()).isEqualTo(Sha256.of(file));
            // what the file says about itself
            JsonNode footage = f.get("footage");
            assertThat(footage.get("firmware").asText()).isEqualTo(c.get("firmware").asText());
            assertThat(footage.get("cameraId").asText()).isEqualTo(serial);
            assertThat(footage.get("startTimecode").asText()).matches("\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d");
            assertThat(footage.get("startFrame").isIntegralNumber()).isTrue();
            assertThat(footage.get("durationMs").asDouble()).isPositive();
            assertThat(footage.get("creationTime").asText()).isNotEmpty();
            assertThat(footage.get("devices").toString()).contains("HERO12 Black");
        }

        // takes show / verify print the footage facts
        assertThat(run("takes", "--media-dir", media.toString(), "show", "latest")).isZero();
        assertThat(out.toString()).containsPattern("footage: start timecode spread \\d+ frames? \\(33\\.4 ms each\\)")
                .contains("settings: ").contains("video_resolution=")
                .containsPattern("footage: fw \\S+, camera \\S+, start \\d\\d:\\d\\d:\\d\\d[:;]\\d\\d \\(frame \\d+ at 29\\.970 fps, \\d\\d:\\d\\d:\\d\\d\\.\\d{3} camera clock\\)");
        assertThat(run("takes", "--media-dir", media.toString(), "verify", "latest")).isZero();
        assertThat(out.toString()).containsPattern("OK +\\S+ 100GOPRO/GX\\d{6}\\.MP4  start \\d\\d:\\d\\d:\\d\\d[:;]\\d\\d")
                .contains(CAMERAS + " of " + CAMERAS + " files match");
    }
}
