package io.camrig.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.console.Terminal;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.session.CameraReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step table fits the terminal: columns, wrapped blocks, or a summary; late and failed cells marked. */
class StepTableTest {
    private static List<CameraReport> rig(int n) {
        List<CameraReport> cameras = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<StepRecord> steps = List.of(
                    new StepRecord("connect", "ok", Duration.ofMillis(i == 3 ? 400 : 40 + i % 5), "", ""),
                    new StepRecord("download", i == 2 ? "failed" : "ok", Duration.ofMillis(100), "", ""));
            cameras.add(new CameraReport(i, String.format("GoPro %04d", i), "addr" + i, "C" + i, "HERO12 Black",
                    i != 2, i == 2 ? "download" : "", i == 2 ? "lost" : "", steps, "", -1));
        }
        return cameras;
    }

    private static List<String> render(int cameras, Terminal terminal) {
        StringWriter out = new StringWriter();
        StepTable.render(rig(cameras), new PrintWriter(out, true), terminal);
        return out.toString().lines().toList();
    }

    @Test
    void eightCamerasFitInOneBlockWithLateAndFailedCellsMarked() {
        List<String> lines = render(8, new Terminal(false, false, 120));
        assertThat(lines.get(1)).startsWith("step").endsWith("#8");
        assertThat(lines.get(2)).startsWith("connect").contains("400*");
        assertThat(lines.get(3)).startsWith("download").contains("FAIL");
        assertThat(lines).allMatch(l -> l.length() <= 120);
    }

    @Test
    void thirtyTwoCamerasWrapIntoBlocksThatFitTheWidth() {
        List<String> lines = render(32, new Terminal(false, false, 120));
        assertThat(lines).allMatch(l -> l.length() <= 120, "fits 120 columns");
        assertThat(lines.stream().filter(l -> l.startsWith("step ") && l.contains("#"))).hasSize(3);
        assertThat(String.join("\n", lines)).contains("#1 ").contains("#32");
    }

    @Test
    void aRigTooWideForThreeBlocksIsSummarisedPerStep() {
        List<String> lines = render(32, new Terminal(false, false, 80));
        assertThat(lines.get(0)).contains("over 32 cameras").contains("--json");
        assertThat(lines).allMatch(l -> l.length() <= 80, "fits 80 columns");
        assertThat(lines.get(2)).startsWith("connect").contains("#3 400*");
        assertThat(lines.get(3)).startsWith("download").contains("#2 FAIL");
    }

    @Test
    void colourOnlyWhereTheTerminalAllowsIt() {
        assertThat(String.join("\n", render(4, new Terminal(true, true, 120)))).contains("\u001B[31m")
                .contains("\u001B[33m");
        assertThat(String.join("\n", render(4, new Terminal(false, false, 120)))).doesNotContain("\u001B[");
    }
}
