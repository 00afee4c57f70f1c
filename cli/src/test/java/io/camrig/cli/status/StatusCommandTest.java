package io.camrig.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CliRun;
import io.camrig.cli.rig.CameraSelection;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigSourceOptions;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code camrig status}: a table, JSON, and the live watch. */
class StatusCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aTableWithARowPerStatusAndTypedJson() throws Exception {
        assertThat(run("status", "busy", "internal_battery_bars", "--cameras", "3")).as("stderr: %s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).matches("status +GoPro 0001 +GoPro 0002 +GoPro 0003");
        assertThat(lines.get(1)).matches("busy +false +false +false");
        assertThat(lines.get(2)).matches("internal_battery_bars +Three +Three +Three");

        out.getBuffer().setLength(0);
        assertThat(run("status", "--json", "--cameras", "1", "--model", "HERO9 Black")).isZero();
        JsonNode cam = new ObjectMapper().readTree(out.toString()).at("/cameras/0");
        assertThat(cam.get("model").asText()).isEqualTo("HERO9 Black");
        assertThat(cam.at("/statuses/busy").asBoolean(true)).isFalse();
        assertThat(cam.at("/statuses/internal_battery_percentage").asInt()).isEqualTo(87);
        assertThat(cam.at("/statuses/camera_control_id").isMissingNode()).as("a HERO9 does not report 114").isTrue();
    }

    @Test
    void watchPrintsTheCurrentValuesAsJsonLines() throws Exception {
        assertThat(run("status", "--watch", "--for", "1s", "--json", "busy", "encoding", "--cameras", "2"))
                .as("stderr: %s", err).isZero();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String l : out.toString().lines().toList()) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines).extracting(n -> n.get("status").asText()).contains("busy", "encoding");
        assertThat(lines).extracting(n -> n.get("name").asText()).contains("GoPro 0001", "GoPro 0002");
        assertThat(run("status", "--for", "1s", "--cameras", "1")).isEqualTo(2);
    }

    @Test
    void theWatchRedrawsWhenACameraChangesAndUnregistersWhenStopped() {
        try (VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(2)).block(Duration.ofSeconds(10));
             ConnectedRig rig = ConnectedRig.connect(new RigSourceOptions.Source(sim.central(), 2, sim::close),
                     new CameraSelection())) {
            StatusBoard board = new StatusBoard(rig.members(), List.of(Status.AP_MODE));
            StepVerifier.create(StatusWatch.events(rig, Status.AP_MODE).doOnNext(e -> board.put(e.camera(), e.value())))
                    .expectNextCount(2)
                    .then(() -> assertThat(board.cell(rig.members().get(1), Status.AP_MODE)).isEqualTo("false"))
                    .then(() -> sim.cameras().get(1).statuses().setFlag(Status.AP_MODE.id(), true))
                    .assertNext(e -> assertThat(e.camera().index()).isEqualTo(2))
                    .then(() -> assertThat(board.cell(rig.members().get(1), Status.AP_MODE)).isEqualTo("true"))
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));
            StringWriter table = new StringWriter();
            board.table().print(new PrintWriter(table, true));
            assertThat(table.toString()).containsPattern("ap_mode +false +true");
        }
    }

    @Test
    void intoAPipeTheWatchPrintsPlainSnapshotsNotARedrawPerChange() {
        assertThat(run("status", "--watch", "--for", "2s", "--every", "5s", "busy", "encoding", "--cameras", "3"))
                .as("stderr: %s", err).isZero();
        String text = out.toString();
        assertThat(text).doesNotContain("\u001B[");
        List<String> snapshots = text.lines().filter(l -> l.startsWith("-- ")).toList();
        assertThat(snapshots).as("6 first values arrive within 2 s; one snapshot shows them").hasSize(1);
        assertThat(text).containsPattern("busy +false +false +false").containsPattern("encoding +false +false +false");
    }
}
