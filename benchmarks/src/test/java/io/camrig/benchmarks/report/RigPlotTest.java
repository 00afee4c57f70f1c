package io.camrig.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.benchmarks.rig.RigScaleResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigPlotTest {
    @TempDir
    Path dir;

    private static RigScaleResult result(int n, double p99) {
        return new RigScaleResult(n, n, 10L * n, 2L * n, p99 / 3, p99, p99, p99, 1, 2, 0, 40_000, 6_000, 9_000, 500,
                0.02, 0.003, 0.001, 0.01, n, 0, 3L * n, 1.5, 20, 0, false);
    }

    @Test
    void csvFromTheHarnessBecomesATwoByTwoPng() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path csv = dir.resolve("rig.csv");
        List<RigScaleResult> results = List.of(result(8, 100), result(32, 300), result(128, 900));
        StringBuilder text = new StringBuilder(RigScaleResult.CSV_HEADER).append('\n');
        results.forEach(r -> text.append(r.toCsv()).append('\n'));
        Files.writeString(csv, text);

        Path png = dir.resolve("out/rig.png");
        Map<String, List<RigScaleResult>> runs = new LinkedHashMap<>();
        runs.put("compensation on", RigPlot.read(csv));
        runs.put("compensation off", results);
        RigPlot.write(runs, "test", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * 640);
        assertThat(image.getHeight()).isEqualTo(2 * 460);
    }

    @Test
    void aFileThatIsNotHarnessCsvIsRefused() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        assertThatThrownBy(() -> RigPlot.read(csv)).isInstanceOf(IOException.class).hasMessageContaining("header");
    }
}
