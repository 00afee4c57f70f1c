package io.camrig.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CliRun;
import io.camrig.cli.console.ExitCodes;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code camrig settings get|set|capabilities} and {@code camrig preset load} on a simulated rig. */
class SettingsCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void getPrintsOneColumnPerCameraAndJsonPerCamera() throws Exception {
        assertThat(run("settings", "get", "video_resolution", "3", "--cameras", "2")).as("stderr: %s", err).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow()).matches("setting +GoPro \\d{4} +GoPro \\d{4}");
        assertThat(out.toString()).containsPattern("video_resolution +4K +4K").containsPattern("frames_per_second +30.0 +30.0");

        out.getBuffer().setLength(0);
        assertThat(run("settings", "get", "Video Resolution", "--cameras", "2", "--json")).isZero();
        JsonNode cameras = json().get("cameras");
        assertThat(cameras).hasSize(2);
        assertThat(cameras.get(0).at("/settings/video_resolution/option").asText()).isEqualTo("4K");
        assertThat(cameras.get(0).at("/settings/video_resolution/value").asInt()).isEqualTo(1);
        assertThat(cameras.get(1).get("model").asText()).isEqualTo("HERO12 Black");
    }

    @Test
    void setChecksTheOptionPerModelAndNamesTheSupportedOnes() {
        int code = run("settings", "set", "video_resolution", "5.3K", "--cameras", "2", "--model", "HERO9 Black");

        assertThat(code).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("HERO9 Black does not support Video Resolution = 5.3K (100)")
                .contains("supported: 4K (1)"));

        out.getBuffer().setLength(0);
        assertThat(run("settings", "set", "video_resolution", "1080", "--cameras", "3", "--camera", "0002")).isZero();
        assertThat(out.toString().lines()).singleElement().asString().matches("GoPro 0002 +video_resolution = 1080 \\(9\\): ok");
    }

    @Test
    void capabilitiesListTheOptionsAvailableNow() throws Exception {
        assertThat(run("settings", "capabilities", "frames_per_second", "--cameras", "1", "--json")).isZero();
        JsonNode fps = json().at("/cameras/0/capabilities/frames_per_second");
        assertThat(fps).isNotEmpty();
        assertThat(fps).allSatisfy(o -> assertThat(Double.parseDouble(o.get("option").asText())).isLessThanOrEqualTo(120));

        out.getBuffer().setLength(0);
        assertThat(run("settings", "capabilities", "video_lens", "--cameras", "1")).isZero();
        assertThat(out.toString()).contains("GoPro 0001 (HERO12 Black, C350").containsPattern("video_lens +Wide, ");
    }

    @Test
    void badNamesAreUsageErrors() {
        assertThat(run("settings", "get", "no_such_setting", "--cameras", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("no setting 'no_such_setting'");
        assertThat(run("settings", "set", "video_resolution", "12K", "--cameras", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("no option '12K'").contains("1080 (9)");
        assertThat(run("settings", "get", "--cameras", "2", "--camera", "9999")).isEqualTo(2);
        assertThat(err.toString()).contains("no camera matches serials ending 9999");
    }

    @Test
    void presetLoadLoadsAGroupOnEveryCamera() {
        assertThat(run("preset", "load", "--group", "photo", "--cameras", "2")).as("stderr: %s", err).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).endsWith("load preset group 1001: ok"));
        out.getBuffer().setLength(0);
        assertThat(run("preset", "load", "--id", "999", "--cameras", "1")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains("invalid_parameter");
    }
}
