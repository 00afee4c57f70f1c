package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.ExitCodes;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camrig offload} of a card holding bursts: every photo of a group lands, as a user runs it. */
class OffloadGroupsCommandTest {
    private static final int SIZE = 100_000;
    private static final int PHOTO = 30_000;
    private static final String SERIAL = "C3501460050001";

    @TempDir
    Path dir;
    private final io.camrig.cli.CliRun cli = new io.camrig.cli.CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;
    private final List<VirtualCameraHttpServer> cameras = new ArrayList<>();

    @AfterEach
    void stop() {
        cameras.forEach(VirtualCameraHttpServer::close);
    }

    /** A camera with one video, then a burst of {@code photos}. */
    private VirtualCameraHttpServer camera(int photos) {
        SdCard card = new SdCard(SERIAL, 42, SIZE);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.addGroup(photos, PHOTO, Instant.parse("2025-01-01T10:01:00Z"));
        VirtualCameraHttpServer c = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(SERIAL), Map::of,
                Map::of, HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15));
        cameras.add(c);
        return c;
    }

    private int offload(VirtualCameraHttpServer c, String... more) {
        List<String> args = new ArrayList<>(List.of("offload", "--url", c.baseUri().toString(), "--media-dir",
                media().toString()));
        args.addAll(List.of(more));
        return cli.runAfresh(args.toArray(String[]::new));
    }

    private Path media() {
        return dir.resolve("media");
    }

    private String newestTake() throws Exception {
        try (Stream<Path> s = Files.list(media())) {
            return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : text.split("\\R")) {
            out.add(new ObjectMapper().readTree(l));
        }
        return out;
    }

    @Test
    void everyPhotoOfABurstIsOffloadedVerifiedListedInTheManifestAndReverified() throws Exception {
        VirtualCameraHttpServer a = camera(3);

        assertThat(offload(a)).as(err.toString()).isZero();

        assertThat(out.toString()).contains(SERIAL + ": 100GOPRO/G0010003.JPG  " + PHOTO + " bytes  sha256 ")
                .contains("4 file(s) verified, 0 remaining");
        String take = newestTake();
        for (SdCardFile m : a.sdCard().groups().all().get(0).members()) {
            Path file = media().resolve(take).resolve(SERIAL).resolve("100GOPRO").resolve(m.name());
            assertThat(Files.readAllBytes(file)).isEqualTo(a.sdCard().expectedBytes(m));
        }
        assertThat(cli.runAfresh("takes", "show", take, "--media-dir", media().toString(), "--json")).isZero();
        JsonNode files = new ObjectMapper().readTree(out.toString()).at("/cameras/0/files");
        assertThat(files).hasSize(4);
        assertThat(files.get(1).get("name").asText()).isEqualTo("G0010002.JPG");
        assertThat(files.get(1).get("group").asText()).isEqualTo("G0010002.JPG");
        assertThat(files.get(1).get("size").asLong()).isEqualTo(PHOTO);
        assertThat(files.get(1).get("sha256").asText()).hasSize(64);
        assertThat(files.get(0).has("group")).isFalse();
        assertThat(cli.runAfresh("takes", "verify", take, "--media-dir", media().toString())).isZero();
        assertThat(out.toString()).contains("4 of 4 files match");
    }

    @Test
    void sinceLastTakeSkipsPhotosAlreadyVerifiedAndFetchesANewBurst() throws Exception {
        VirtualCameraHttpServer a = camera(2);
        assertThat(offload(a)).as(err.toString()).isZero();
        a.sdCard().addGroup(2, PHOTO, Instant.parse("2025-01-01T11:00:00Z"));

        assertThat(offload(a, "--since-last-take", "--json")).as(err.toString()).isZero();

        assertThat(lines(out.toString())).filteredOn(n -> n.get("event").asText().equals("verified"))
                .extracting(n -> n.get("file").asText())
                .containsExactly("100GOPRO/G0020004.JPG", "100GOPRO/G0020005.JPG");
    }

    @Test
    void aBurstARigTakeFetchedAsItsNewestRecordingIsNotFetchedAgainBySinceLastTake() throws Exception {
        VirtualCameraHttpServer a = camera(3);
        // As a rig take (demo, camrig serve, a cluster node) queues a camera's newest recording: here the burst.
        io.camrig.engine.take.TakeStore store = new io.camrig.engine.take.TakeStore(media());
        io.camrig.engine.take.OffloadQueue take = new io.camrig.engine.take.OffloadQueue(store, store.create("rig")
                .withCamera(io.camrig.engine.take.TakeCamera.of(SERIAL, "GoPro 0001", "HERO12 Black", "H23.01.02.32.00")));
        io.camrig.http.client.CameraHttpClient client = new io.camrig.http.client.CameraHttpClient(a.baseUri(),
                io.camrig.http.HttpOptions.defaults());
        take.enqueue(SERIAL, io.camrig.http.model.Recording.newest(client.mediaList().block()).orElseThrow(),
                java.util.Set.of());
        assertThat(cli.runAfresh("offload", "--take", take.manifest().takeId(), "--url", a.baseUri().toString(),
                "--media-dir", media().toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 file(s) verified, 0 remaining");

        assertThat(offload(a, "--since-last-take", "--json")).as(err.toString()).isZero();

        // Only the video, which the take did not hold: no photo of the burst again.
        assertThat(lines(out.toString())).filteredOn(n -> n.get("event").asText().equals("verified"))
                .extracting(n -> n.get("file").asText()).containsExactly("100GOPRO/GX010001.MP4");
    }

    @Test
    void deleteAfterVerifyDeletesEachPhotoFromTheCamera() {
        VirtualCameraHttpServer a = camera(3);

        assertThat(offload(a, "--delete-after-verify")).as(err.toString()).isZero();

        assertThat(out.toString()).contains(SERIAL + ": 100GOPRO/G0010004.JPG deleted from the camera");
        assertThat(a.sdCard().groups().all()).isEmpty();
        assertThat(a.sdCard().files()).isEmpty();
    }

    @Test
    void aPhotoTheCameraDoesNotServeFailsAndABurstThatCannotBeNamedIsRefusedWhileTheRestLands() throws Exception {
        VirtualCameraHttpServer a = camera(3);
        a.sdCard().addGroup(2, PHOTO, Instant.parse("2025-01-01T10:02:00Z"));
        a.sdCard().groups().change(1, g -> g.withUnserved(3));
        a.sdCard().groups().change(2, g -> g.listedAs("BURST.JPG"));

        assertThat(offload(a, "--json")).as(err.toString()).isEqualTo(ExitCodes.SOME_FAILED);

        List<JsonNode> events = lines(out.toString());
        assertThat(events).filteredOn(n -> n.get("event").asText().equals("rejected")).singleElement()
                .satisfies(n -> assertThat(n.get("file").asText()).isEqualTo("100GOPRO/BURST.JPG"));
        assertThat(events).filteredOn(n -> n.get("event").asText().equals("failed")).singleElement()
                .satisfies(n -> assertThat(n.get("file").asText()).isEqualTo("100GOPRO/G0010003.JPG"));
        JsonNode summary = events.get(events.size() - 1);
        assertThat(summary.get("verified").asInt()).isEqualTo(3);
        assertThat(summary.get("remaining").asInt()).isEqualTo(1);
    }
}
