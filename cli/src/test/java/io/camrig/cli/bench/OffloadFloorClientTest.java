package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor client of {@code camrig bench offload} does the work it is compared on, and so does the
 * JDK HttpClient client ({@link OffloadJdkClient}, hashing inline and on a second thread): every
 * camera's file lands byte-identical with its SHA-256, from a spooled simulator (sendfile) and a
 * computing one; its warm-up reads a prefix only; the rounds rotate which client goes first.
 */
class OffloadFloorClientTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String PATH = "/videos/DCIM/100GOPRO/GX010001.MP4";

    @Test
    void everyCamerasFileLandsByteIdenticalWithItsSha256(@TempDir Path dir) throws Exception {
        // not a multiple of the 256 KiB buffers, so the last buffer is partly filled
        int size = 3 * OffloadFloorClient.BUFFER_BYTES + 12_345;
        for (boolean spooled : new boolean[] {true, false}) {
            VirtualHttpRig.Options o = new VirtualHttpRig.Options(3, "HERO12 Black", 5, size, 1, "127.0.0.1", 0, false, 0,
                    Duration.ZERO);
            try (VirtualHttpRig rig = VirtualHttpRig.start(o, spooled ? Optional.of(dir.resolve("spool")) : Optional.empty())
                    .block(T)) {
                List<URI> urls = rig.cameras().stream().map(s -> URI.create(s.baseUri() + PATH)).toList();
                // the floor, then the JDK HttpClient client hashing inline and on a second thread
                List<OffloadFloorClient.Download> clients = List.of(OffloadFloorClient::download,
                        new OffloadJdkClient(false)::download, new OffloadJdkClient(true)::download);
                for (int c = 0; c < clients.size(); c++) {
                    Path out = dir.resolve("out-" + spooled + "-" + c);
                    // the second pass warms up with more bytes than the file: whole downloads one after another
                    long warmUp = spooled ? 100_000 : 2L * size + 1;
                    JsonNode r = new ObjectMapper().readTree(OffloadFloorClient.run(out, warmUp, urls, clients.get(c)));
                    assertThat(r.get("bytes").asLong()).isEqualTo(3L * size);
                    assertThat(r.get("seconds").asDouble()).isPositive();
                    assertThat(r.get("rssPeakKb").asLong()).isPositive();
                    assertThat(r.get("failures").asInt()).isZero();
                    for (int i = 0; i < 3; i++) {
                        VirtualCameraHttpServer s = rig.cameras().get(i);
                        byte[] expected = s.sdCard().expectedBytes(s.sdCard().files().get(0));
                        assertThat(Files.readAllBytes(out.resolve("f" + i))).isEqualTo(expected);
                        assertThat(r.get("sha256").get(i).asText()).isEqualTo(
                                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
                    }
                    assertThat(out.resolve("warm-up")).doesNotExist();
                }
            }
        }
    }

    @Test
    void aWarmUpReadsOnlyThePrefixItAsksFor(@TempDir Path dir) throws Exception {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(1, "HERO12 Black", 9, 1_000_000, 1, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            OffloadFloorClient.Result r = OffloadFloorClient.download(URI.create(s.baseUri() + PATH), dir.resolve("p"),
                    300_001, false);
            byte[] expected = s.sdCard().expectedBytes(s.sdCard().files().get(0));
            assertThat(r.bytes()).isEqualTo(300_001);
            assertThat(Files.readAllBytes(dir.resolve("p"))).isEqualTo(java.util.Arrays.copyOf(expected, 300_001));
        }
    }

    @Test
    void aMissingFileIsAnErrorNotAnEmptyDownload(@TempDir Path dir) throws Exception {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(1, "HERO12 Black", 9, 1000, 1, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            URI missing = URI.create(rig.cameras().get(0).baseUri() + "/videos/DCIM/100GOPRO/GX019999.MP4");
            assertThatThrownBy(() -> OffloadFloorClient.download(missing, dir.resolve("m"), Long.MAX_VALUE, true))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("404");
        }
    }

    @Test
    void roundsRotateWhichClientGoesFirstAndTheTableShowsTheFloor() {
        assertThat(OffloadBenchResult.order(1, true)).doesNotHaveDuplicates().hasSize(3)
                .isNotEqualTo(OffloadBenchResult.order(2, true));
        assertThat(List.of(OffloadBenchResult.order(0, true).get(0), OffloadBenchResult.order(1, true).get(0),
                OffloadBenchResult.order(2, true).get(0))).doesNotHaveDuplicates();
        assertThat(OffloadBenchResult.order(1, false)).containsExactlyInAnyOrder(OffloadBenchResult.Client.CAMRIG,
                OffloadBenchResult.Client.CURL);
        OffloadBenchResult.Round round = new OffloadBenchResult.Round(1, 1, 400, 2.5, 5, 110, 80, 20, 800, 1.2, 0.6, 8,
                new OffloadBenchResult.Floor(500, 2.0, 3.0, 60), 700, 2.1);
        String table = OffloadBenchResult.table(Map.of(1, List.of(round)), 256 << 20);
        assertThat(table).contains("| 1 | 500 | 0.63 | 0.80 | 2.00 | 3.00 | 1.25 | 60 | 700 | 0.88 | 2.10 |");
        assertThat(OffloadBenchResult.svg(Map.of(1, List.of(round)), 256 << 20)).contains("floor", ">500<");
        assertThat(round.line()).contains("floor 500 MB/s 2.00 CPU s/GB", "curl|tee|sha256 700 MB/s 2.10 CPU s/GB");
        assertThat(OffloadBenchResult.order(1, true, true)).doesNotHaveDuplicates().hasSize(4)
                .contains(OffloadBenchResult.Client.PIPE);
        OffloadBenchResult.Round noPipe = new OffloadBenchResult.Round(1, 1, 400, 2.5, 5, 110, 80, 20, 800, 1.2, 0.6, 8,
                new OffloadBenchResult.Floor(500, 2.0, 3.0, 60), Double.NaN, Double.NaN);
        assertThat(OffloadBenchResult.table(Map.of(1, List.of(noPipe)), 256 << 20))
                .contains("| 1 | 500 | 0.63 | 0.80 | 2.00 | 3.00 | 1.25 | 60 | – | – | – |").doesNotContain("NaN");
    }
}
