package io.camrig.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CliRun;
import io.camrig.cli.console.ExitCodes;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camrig demo} as a user runs it: output, JSON, exit codes. */
class DemoCommandTest {
    @TempDir
    Path media;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private String[] demo(String... extra) {
        String[] base = {"demo", "--duration", "200ms", "--file-size", "65536", "--media-dir", media.toString(),
            "--no-progress"};
        // Tests not about sync allow a wide spread: other builds share this machine.
        if (java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("--max-spread"))) {
            base = java.util.Arrays.copyOf(base, base.length + 2);
            base[base.length - 2] = "--max-spread";
            base[base.length - 1] = "1s";
        }
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void aSuccessfulSessionPrintsTheReportAndExitsZero() {
        int code = run(demo("--cameras", "4"));

        assertThat(code).as("stderr: %s", err).isZero();
        String text = out.toString();
        assertThat(text).contains("4 simulated HERO12 Black cameras").contains("4/4 cameras succeeded")
                .contains("predicted arrival spread").contains("encoding-started spread").contains("GX010001.MP4");
        assertThat(text.lines().filter(l -> l.matches("^[1-4] +GoPro \\d{4} .* ok .*"))).hasSize(4);
        try (var takes = Files.list(media)) {
            Path take = takes.collect(java.util.stream.Collectors.toList()).get(0);
            assertThat(take.resolve("take.json")).isRegularFile();
            assertThat(out.toString()).contains("take " + take.getFileName());
            try (var dirs = Files.list(take)) {
                assertThat(dirs.filter(Files::isDirectory)).hasSize(4)
                        .allSatisfy(d -> assertThat(d.resolve("100GOPRO").resolve("GX010001.MP4")).hasSize(65536));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jsonOutputIsOneDocumentWithEveryCameraAndTheRigFigures() throws Exception {
        int code = run(demo("--cameras", "3", "--json"));

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/rig/cameras").asInt()).isEqualTo(3);
        assertThat(json.at("/rig/ok").asBoolean()).isTrue();
        assertThat(json.at("/rig/fireSkewMicros").isNumber()).isTrue();
        assertThat(json.at("/rig/encodingSpreadMicros").isNumber()).isTrue();
        assertThat(json.get("cameras")).hasSize(3);
        JsonNode first = json.at("/cameras/0");
        assertThat(first.get("fileBytes").asLong()).isEqualTo(65536);
        assertThat(first.get("steps").findValuesAsText("step")).contains("shutter on", "encoding on", "download");
    }

    @Test
    void aCameraThatDropsItsLinkFailsAloneAndTheExitCodeIsThree() throws Exception {
        int code = run(demo("--cameras", "4", "--fail-camera", "2", "--json"));

        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/rig/succeeded").asInt()).isEqualTo(3);
        JsonNode failed = json.at("/cameras/1");
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("failure").asText()).contains("BLE link lost").contains("reconnect attempts failed");
        for (int i : new int[] {0, 2, 3}) {
            assertThat(json.at("/cameras/" + i + "/ok").asBoolean()).isTrue();
            assertThat(json.at("/cameras/" + i + "/fileBytes").asLong()).isEqualTo(65536);
        }
    }

    @Test
    void chaosCyclesShowEveryCycleAndTheResilienceFigures() throws Exception {
        int code = run(demo("--cameras", "3", "--chaos", "noisy", "--cycles", "2", "--json"));

        assertThat(code).as("stderr: %s", err).isIn(0, ExitCodes.SOME_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("cycles")).hasSize(2);
        assertThat(json.at("/cycles/1/outcomes")).hasSize(3);
        assertThat(json.at("/rig/resilience/reconnects").isNumber()).isTrue();
    }

    @Test
    void eachTakeShowsItsSyncFromTheFireAndTheFootage() {
        int code = run(demo("--cameras", "3", "--max-spread", "2s"));

        // the footage check keeps its 2 frames: on a crowded machine a take may still fail (exit 3)
        assertThat(code).as("stderr: %s", err).isIn(0, ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains("take sync (start vs the rig's median; tolerance ±1000.0 ms")
                .containsPattern("take 1 +fire spread [0-9.]+ ms, timecode spread \\d+ frames \\(33\\.4 ms each\\), "
                        + "footage spread [0-9.]+ ms +(ok|FAILED)")
                .contains("start frame").containsPattern("\\d/3 cameras succeeded").containsPattern("; \\d/1 takes ok");
    }

    @Test
    void aTakeOutOfToleranceFailsInTheSummaryTheJsonAndTheExitCode() throws Exception {
        // No two cameras start at the very same nanosecond: with no tolerance every take fails.
        int code = run(demo("--cameras", "4", "--max-spread", "0ms", "--cycles", "2", "--json"));

        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/rig/ok").asBoolean()).isFalse();
        assertThat(json.at("/rig/failedTakes").asInt()).isEqualTo(2);
        assertThat(json.at("/rig/succeeded").asInt()).isZero();
        for (JsonNode cycle : json.get("cycles")) {
            assertThat(cycle.get("ok").asBoolean()).isFalse();
            assertThat(cycle.at("/sync/ok").asBoolean()).isFalse();
            assertThat(cycle.at("/sync/maxSpreadMillis").asDouble()).isZero();
            assertThat(cycle.at("/sync/cameras")).hasSize(4).allSatisfy(c -> {
                assertThat(c.get("flagged").asBoolean()).isTrue();
                assertThat(c.get("reasons").get(0).asText()).contains("the rig's median (tolerance ±0.0 ms)");
                assertThat(c.get("startFrame").isNumber()).isTrue();
            });
            assertThat(cycle.at("/outcomes/GoPro 0001").asText()).startsWith("out of sync: ");
            assertThat(cycle.get("footage")).hasSize(4);
            assertThat(cycle.at("/footage/GoPro 0001/firmware").asText()).startsWith("H23.");
            assertThat(cycle.at("/footage/GoPro 0001/timecode/frameRate").asDouble()).isBetween(29.96, 29.98);
        }
    }

    @Test
    void aNegativeMaxSpreadIsBadUsage() {
        assertThat(run("demo", "--max-spread=-1ms")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-spread").contains("not a duration");
    }

    @Test
    void metricsAreServedOnLoopbackWhileTheDemoRuns() {
        int code = run(demo("--cameras", "2", "--metrics-port", "0"));
        assertThat(code).isZero();
        assertThat(err.toString()).containsPattern("metrics: http://127\\.0\\.0\\.1:\\d+/metrics");
    }

    @Test
    void theReportNeverContainsTheApPassword() {
        run(demo("--cameras", "2", "--json"));
        // Passwords of simulated cameras are word-number-word; the report shows SSIDs only.
        assertThat(out.toString()).doesNotContainPattern("(Reef|Summit|Canyon|Glacier|Dune|Harbor|Ridge|Delta)-\\d{3}-");
        assertThat(err.toString()).doesNotContainPattern("(Reef|Summit|Canyon|Glacier|Dune|Harbor|Ridge|Delta)-\\d{3}-");
    }

    @Test
    void badUsageExitsTwoWithAMessage() {
        assertThat(run("demo", "--cameras", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--cameras must be between 1 and 1024");
        assertThat(run("demo", "--fail-camera", "9", "--cameras", "8")).isEqualTo(2);
        assertThat(run("demo", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(run("demo", "--no-such-option")).isEqualTo(2);
        assertThat(run("demo", "--chaos", "gremlins")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown fault profile 'gremlins'");
        assertThat(run()).isEqualTo(2);
    }
}
