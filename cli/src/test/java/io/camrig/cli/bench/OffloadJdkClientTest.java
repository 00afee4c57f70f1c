package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK HttpClient client of {@code camrig bench offload}: its warm-up reads a prefix only, a 404
 * is an error, the rounds and the table show it. (That every camera's file lands byte-identical
 * with its SHA-256 is checked beside the floor's, in {@link OffloadFloorClientTest}.)
 */
class OffloadJdkClientTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String PATH = "/videos/DCIM/100GOPRO/GX010001.MP4";

    @Test
    void aWarmUpReadsOnlyThePrefixAndA404IsAnError(@TempDir Path dir) throws Exception {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(1, "HERO12 Black", 9, 1_000_000, 1, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            OffloadJdkClient client = new OffloadJdkClient(true);
            OffloadFloorClient.Result r = client.download(URI.create(s.baseUri() + PATH), dir.resolve("p"), 300_001, false);
            byte[] expected = s.sdCard().expectedBytes(s.sdCard().files().get(0));
            assertThat(r.bytes()).isEqualTo(300_001);
            assertThat(Files.readAllBytes(dir.resolve("p"))).isEqualTo(Arrays.copyOf(expected, 300_001));
            URI missing = URI.create(s.baseUri() + "/videos/DCIM/100GOPRO/GX019999.MP4");
            assertThatThrownBy(() -> client.download(missing, dir.resolve("m"), Long.MAX_VALUE, true))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("404");
        }
    }

    @Test
    void theRoundsRotateFiveClientsAndTheTableShowsTheJdkClient() {
        assertThat(OffloadBenchResult.order(1, true, true, true)).doesNotHaveDuplicates().hasSize(5)
                .contains(OffloadBenchResult.Client.JDK).isNotEqualTo(OffloadBenchResult.order(2, true, true, true));
        OffloadBenchResult.Round round = new OffloadBenchResult.Round(1, 1, 400, 2.5, 5, 110, 80, 20, 800, 1.2, 0.6, 8,
                new OffloadBenchResult.Floor(500, 2.0, 3.0, 60), 700, 2.1, new OffloadBenchResult.Floor(640, 2.2, 3.4, 58));
        assertThat(round.line()).contains("jdk 640 MB/s 2.20 CPU s/GB (JVM 3.40) 58 MB RSS");
        String table = OffloadBenchResult.table(Map.of(1, List.of(round)), 256 << 20);
        // jdk/curl 0.80, jdk/floor 1.28, camrig/jdk 0.63, CPU ratio 2.2 / 1.8 = 1.22
        assertThat(table).contains("| 1 | 640 | 0.80 | 1.28 | 0.63 | 2.20 | 3.40 | 1.22 | 58 |");
        OffloadBenchResult.Round without = new OffloadBenchResult.Round(1, 1, 400, 2.5, 5, 110, 80, 20, 800, 1.2, 0.6, 8,
                null, Double.NaN, Double.NaN);
        assertThat(OffloadBenchResult.table(Map.of(1, List.of(without)), 256 << 20)).doesNotContain("jdk MB/s");
    }
}
