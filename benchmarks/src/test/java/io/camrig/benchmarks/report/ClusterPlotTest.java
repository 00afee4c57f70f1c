package io.camrig.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterPlotTest {
    private static final String HEADER = "nodes,cameras_per_node,fires,complete_fires,spread_p50_us,spread_p99_us,"
            + "spread_max_us,predicted_p50_us,predicted_p99_us,rtt_p50_us,rtt_p99_us,node_loss_ms,heap_mb_max,"
            + "heap_mb_mean,cpu_pct_max,cpu_pct_mean,uncertainty_p50_us,uncertainty_p99_us";

    @TempDir
    Path dir;

    @Test
    void rowsAreSortedByCameraCountAndDrawnTwoByTwo() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path csv = dir.resolve("cluster.csv");
        // Appended runs out of order; the 8x32 run had every fire refused (no spread to draw).
        Files.writeString(csv, HEADER + "\n"
                + "4,16,100,90,900,1800,2000,300,700,9000,20000,1100,22.0,21.5,9.5,9.1,600,900\n"
                + "2,8,100,100,500,900,1000,200,500,8000,15000,1700,20.5,20.4,9.0,8.9,500,800\n"
                + "8,32,40,0,0,0,0,0,0,26000,65000,1200,24.7,22.8,10.3,9.0,900,1000\n");
        List<ClusterPlot.Row> rows = ClusterPlot.read(csv);
        assertThat(rows).extracting(ClusterPlot.Row::cameras).containsExactly(16.0, 64.0, 256.0);

        Path png = dir.resolve("out/cluster.png");
        ClusterPlot.write(rows, "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * 640);
        assertThat(image.getHeight()).isEqualTo(2 * 460);
    }

    @Test
    void runsWithTheRadioArrivalSpreadAreDrawnWithIt() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path csv = dir.resolve("cluster.csv");
        Files.writeString(csv, HEADER + ",radio_p50_us,radio_p99_us,radio_max_us\n"
                + "4,16,100,99,1088,6415,6415,207,1195,13105,38038,1373,24.9,24.4,11.2,11.1,590,919,287,1264,1264\n");
        List<ClusterPlot.Row> rows = ClusterPlot.read(csv);
        assertThat(rows.get(0).values()).containsEntry("radio_p99_us", 1264.0);
        Path png = dir.resolve("radio.png");
        ClusterPlot.write(rows, "test", png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(2 * 640);
    }

    @Test
    void aFileThatIsNotBenchClusterCsvIsRefused() throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        assertThatThrownBy(() -> ClusterPlot.read(csv)).isInstanceOf(IOException.class).hasMessageContaining("header");
    }
}
