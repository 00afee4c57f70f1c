package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.ExitCodes;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camrig offload} of a card holding RAW photos: each photo's .GPR comes with it, unasked. */
class OffloadRawPhotosCommandTest {
    private static final String SERIAL = "C3501460050001";

    @TempDir
    Path dir;
    private final io.camrig.cli.CliRun cli = new io.camrig.cli.CliRun();
    private VirtualCameraHttpServer camera;

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
    }

    private SdCard card() {
        SdCard card = new SdCard(SERIAL, 42, 80_000);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.addPhoto(30_000, true, Instant.parse("2025-01-01T10:01:00Z"));
        camera = VirtualCameraHttpServer.start(card).block(Duration.ofSeconds(15));
        return card;
    }

    private int offload(String... more) {
        List<String> args = new ArrayList<>(List.of("offload", "--url", camera.baseUri().toString(), "--media-dir",
                dir.toString()));
        args.addAll(List.of(more));
        return cli.runAfresh(args.toArray(String[]::new));
    }

    @Test
    void aRawPhotosGprLandsBesideItWithLrvAskedForAndIsReverified() throws Exception {
        SdCard card = card();
        SdCardFile gpr = card.rawVersion(card.files().get(1)).orElseThrow();

        assertThat(offload("--with", "lrv")).as(cli.err.toString()).isZero();

        assertThat(cli.out.toString()).contains(SERIAL + ": 100GOPRO/GOPR0002.GPR  " + gpr.size() + " bytes  sha256 ")
                .contains("4 file(s) verified, 0 remaining");
        String take;
        try (var s = Files.list(dir)) {
            take = s.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        Path landed = dir.resolve(take).resolve(SERIAL).resolve("100GOPRO").resolve("GOPR0002.GPR");
        assertThat(Files.readAllBytes(landed)).isEqualTo(card.expectedBytes(gpr));
        assertThat(cli.runAfresh("takes", "verify", take, "--media-dir", dir.toString())).isZero();
        assertThat(cli.out.toString()).contains("4 of 4 files match");
    }

    @Test
    void aPhotoWhoseRawVersionCannotBeFetchedIsNotDeletedFromTheCamera() throws Exception {
        SdCard card = card();
        card.faults().withholdRawVersion(card.files().get(1));

        int exit = offload("--delete-after-verify", "--json");

        assertThat(exit).as(cli.err.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        List<JsonNode> events = new ArrayList<>();
        for (String l : cli.out.toString().split("\\R")) {
            events.add(new ObjectMapper().readTree(l));
        }
        assertThat(events).filteredOn(n -> n.get("event").asText().equals("failed")).singleElement()
                .satisfies(n -> assertThat(n.get("file").asText()).isEqualTo("100GOPRO/GOPR0002.GPR"));
        assertThat(card.files()).extracting(SdCardFile::name).containsExactly("GOPR0002.JPG");
    }
}
