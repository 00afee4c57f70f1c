package io.camrig.cli.take;

import io.camrig.cli.console.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.CardFaults;
import io.camrig.simulator.media.SdCard;
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

/** {@code camrig offload} and {@code camrig takes} against simulated cameras, as a user runs them. */
class OffloadCommandTest {
    private static final int SIZE = 300_000;

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

    private VirtualCameraHttpServer camera(String serial, int files) {
        SdCard card = new SdCard(serial, 42, SIZE);
        for (int i = 0; i < files; i++) {
            card.record(Instant.parse("2025-01-01T10:00:00Z").plusSeconds(60L * i));
        }
        VirtualCameraHttpServer c = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(serial), Map::of,
                Map::of, HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15));
        cameras.add(c);
        return c;
    }

    private int run(String... args) {
        return cli.runAfresh(args);
    }

    private Path media() {
        return dir.resolve("media");
    }

    private String onlyTake() throws Exception {
        try (Stream<Path> s = Files.list(media())) {
            return s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void offloadsEveryCardIntoATakeThatListsShowsAndVerifies() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 2);
        VirtualCameraHttpServer b = camera("C3501460050002", 1);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--url", b.baseUri().toString(),
                "--media-dir", media().toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("C3501460050001: 100GOPRO/GX010002.MP4  300000 bytes  sha256 ")
                .contains("3 file(s) verified, 0 remaining");
        String take = onlyTake();
        Path file = media().resolve(take).resolve("C3501460050002").resolve("100GOPRO").resolve("GX010001.MP4");
        assertThat(Files.readAllBytes(file)).isEqualTo(b.sdCard().expectedBytes(b.sdCard().find("100GOPRO", "GX010001.MP4").orElseThrow()));

        assertThat(run("takes", "list", "--media-dir", media().toString())).isZero();
        assertThat(out.toString()).contains(take).containsPattern("2\\s+3/3");
        assertThat(run("takes", "show", take, "--media-dir", media().toString(), "--json")).isZero();
        JsonNode manifest = new ObjectMapper().readTree(out.toString());
        assertThat(manifest.at("/cameras/0/files/1/sha256").asText()).hasSize(64);
        assertThat(run("takes", "verify", "latest", "--media-dir", media().toString())).isZero();
        assertThat(out.toString()).contains("3 of 3 files match");

        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.WRITE);
        assertThat(run("takes", "verify", take, "--media-dir", media().toString())).isEqualTo(3);
        assertThat(out.toString()).contains("CHANGED  C3501460050002 100GOPRO/GX010001.MP4").contains("2 of 3 files match");
    }

    @Test
    void sinceLastTakeQueuesOnlyNewerFilesAndJsonLinesEndWithASummary() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        a.sdCard().record(Instant.parse("2025-01-01T11:00:00Z"));

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--since-last-take", "--json")).as(err.toString()).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines).filteredOn(n -> n.get("event").asText().equals("verified"))
                .singleElement().satisfies(n -> assertThat(n.get("file").asText()).isEqualTo("100GOPRO/GX010002.MP4"));
        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.get("event").asText()).isEqualTo("summary");
        assertThat(summary.get("verified").asInt()).isEqualTo(1);
    }

    @Test
    void sinceLastTakeQueuesFootageRecordedWithTheCameraClockSetBackAndSaysSo() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        // A battery pull reset the camera's clock: the new recording looks years older than the last take.
        a.sdCard().record(Instant.parse("2016-01-01T00:00:00Z"));

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--since-last-take")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("C3501460050001: 100GOPRO/GX010002.MP4  " + SIZE + " bytes")
                .doesNotContain("GX010001.MP4").contains("1 file(s) verified, 0 remaining");
        assertThat(err.toString()).contains("C3501460050001: 1 file(s) no newer than the newest already offloaded "
                + "from this camera (2025-01-01T10:00:00Z) are in no earlier take: queued");
    }

    @Test
    void sinceLastTakeQueuesARecordingThatReusesANameAfterAFormatAndLeavesTheEarlierTakeIntact() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        String first = onlyTake();
        // Formatted (numbering starts again at GX010001.MP4) and its clock reset, then recorded.
        a.sdCard().format();
        io.camrig.simulator.media.SdCardFile again = a.sdCard().record(Instant.parse("2016-01-01T00:00:05Z"));
        assertThat(again.name()).isEqualTo("GX010001.MP4");
        byte[] expected = a.sdCard().expectedBytes(again);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--since-last-take")).as(err.toString()).isZero();

        String second = onlyTake();
        assertThat(second).isNotEqualTo(first);
        assertThat(err.toString()).contains("1 file(s) have the name of a file in an earlier take but are another "
                + "recording");
        assertThat(Files.readAllBytes(media().resolve(second).resolve("C3501460050001").resolve("100GOPRO")
                .resolve("GX010001.MP4"))).isEqualTo(expected);
        assertThat(run("takes", "verify", first, "--media-dir", media().toString())).isZero();
        assertThat(run("takes", "verify", second, "--media-dir", media().toString())).isZero();
    }

    @Test
    void aCameraThatRefusesToDeleteLeavesEveryFileVerifiedAndTheRunExitsFour() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        VirtualCameraHttpServer b = camera("C3501460050002", 1);
        a.sdCard().faults().deletes(CardFaults.Deletes.REFUSES);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--url", b.baseUri().toString(),
                "--media-dir", media().toString(), "--delete-after-verify")).as(err.toString())
                .isEqualTo(ExitCodes.NOT_DELETED);

        assertThat(err.toString()).contains("C3501460050001: 100GOPRO/GX010001.MP4 verified but kept on the camera "
                + "(refused): the camera refused");
        assertThat(out.toString()).contains("C3501460050002: 100GOPRO/GX010001.MP4 deleted from the camera")
                .contains("2 file(s) verified, 0 remaining; 1 verified file(s) could not be deleted from their camera");
        assertThat(a.sdCard().files()).hasSize(1);
        assertThat(b.sdCard().files()).isEmpty();
    }

    @Test
    void whenEveryDeleteIsRefusedTheJsonSaysWhichAndWhy() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        a.sdCard().faults().deletes(CardFaults.Deletes.KEEPS);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--delete-after-verify", "--json")).isEqualTo(ExitCodes.NOT_DELETED);

        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines).filteredOn(n -> n.get("event").asText().equals("kept")).singleElement().satisfies(n -> {
            assertThat(n.get("file").asText()).isEqualTo("100GOPRO/GX010001.MP4");
            assertThat(n.get("reason").asText()).isEqualTo("STILL_ON_CAMERA");
        });
        assertThat(lines).noneMatch(n -> n.get("event").asText().equals("deleted"));
        assertThat(lines.get(lines.size() - 1).get("keptOnCamera").asInt()).isEqualTo(1);
    }

    @Test
    void sinceLastTakeWithNothingNewLeavesNoEmptyTakeBehind() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        String first = onlyTake();

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--since-last-take")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("nothing to fetch from 1 camera(s): take ").contains(" not kept");
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--since-last-take", "--json")).isZero();
        String[] lines = out.toString().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(summary.get("event").asText()).isEqualTo("summary");
        assertThat(summary.get("kept").asBoolean(true)).isFalse();

        try (Stream<Path> takes = Files.list(media())) {
            assertThat(takes.map(p -> p.getFileName().toString())).containsExactly(first);
        }
        assertThat(run("takes", "list", "--media-dir", media().toString())).isZero();
        assertThat(out.toString().lines()).hasSize(2);
    }

    @Test
    void whenNoCameraCanBeReachedTheTakeCreatedForTheRunIsNotKept() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        String first = onlyTake();

        int code = run("offload", "--url", "http://127.0.0.1:" + closedPort, "--media-dir", media().toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no camera could be reached").contains(" not kept (empty)");
        try (Stream<Path> takes = Files.list(media())) {
            assertThat(takes.map(p -> p.getFileName().toString())).containsExactly(first);
        }
        // an existing take named with --take is never removed, even when nothing is reached
        assertThat(run("offload", "--take", first, "--url", "http://127.0.0.1:" + closedPort,
                "--media-dir", media().toString())).isEqualTo(1);
        assertThat(media().resolve(first).resolve("take.json")).exists();
    }

    @Test
    void aCameraWhoseSerialIsAPathIsSkippedAndNothingLandsOutside() throws Exception {
        VirtualCameraHttpServer good = camera("C3501460050001", 1);
        VirtualCameraHttpServer hostile = camera("../x", 1);

        int code = run("offload", "--url", good.baseUri().toString(), "--url", hostile.baseUri().toString(),
                "--media-dir", media().toString());

        assertThat(code).isZero();
        assertThat(err.toString()).contains("reports a serial number that cannot name a directory (../x); skipped");
        assertThat(media().resolve("x")).doesNotExist();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void takeLatestExtendsTheNewestTakeAndWithNoTakesSaysSo() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(), "--take", "latest"))
                .isEqualTo(1);
        assertThat(err.toString().trim()).startsWith("camrig offload: no takes in ").doesNotContain("\n");

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString())).isZero();
        String first = onlyTake();
        a.sdCard().record(Instant.parse("2025-01-01T11:00:00Z"));
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--take", "latest", "--since-last-take")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("take " + first + ": 2 file(s) verified, 0 remaining");
        assertThat(onlyTake()).isEqualTo(first);
    }

    @Test
    void filesListedUnderNamesThatArePathsAreRefusedTypedAndTheOthersStillLand() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 2);
        List<String> hostile = List.of("../../x", "/etc/passwd", "a/../../b", "..\\..\\w", "nul\u0000", "esc\u001b[2J",
                ".", "..", "", ".hidden", "n".repeat(300));
        Instant at = Instant.parse("2025-01-01T11:00:00Z");
        for (String name : hostile) {
            a.sdCard().faults().listAlso(new io.camrig.simulator.media.SdCardFile("100GOPRO", name, 10, at));
            a.sdCard().faults().listAlso(new io.camrig.simulator.media.SdCardFile(name, "GX010001.MP4", 10, at));
        }

        int code = run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(), "--json");

        assertThat(code).as("%s%n%s", out, err).isEqualTo(ExitCodes.SOME_FAILED);
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            events.add(new ObjectMapper().readTree(line));
        }
        List<JsonNode> rejected = events.stream().filter(e -> e.get("event").asText().equals("rejected")).toList();
        assertThat(rejected).hasSize(2 * hostile.size())
                .allSatisfy(e -> assertThat(e.get("error").asText()).isEqualTo("UnsafeMediaNameException"));
        JsonNode summary = events.get(events.size() - 1);
        assertThat(summary.get("verified").asInt()).isEqualTo(2);
        assertThat(summary.get("remaining").asInt()).isZero();
        assertThat(summary.get("rejected").asInt()).isEqualTo(2 * hostile.size());
        // Nothing but the take's manifest and the camera's two files under the whole temporary directory.
        Path camera = media().resolve(onlyTake()).resolve("C3501460050001");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).toList()).containsExactlyInAnyOrder(
                    media().resolve(onlyTake()).resolve("take.json"),
                    camera.resolve("100GOPRO").resolve("GX010001.MP4"), camera.resolve("100GOPRO").resolve("GX010002.MP4"));
        }
    }

    @Test
    void aTakeThatDoesNotExistIsOneClearLine() {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(), "--take", "nope"))
                .isEqualTo(1);
        assertThat(err.toString().trim()).startsWith("camrig offload: no take 'nope'").doesNotContain("\n");
    }

    @Test
    void withLrvAndThmTheCompanionsLandBesideEachVideoAndVerify() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--with", "lrv,thm")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 file(s) verified, 0 remaining");
        Path folder = media().resolve(onlyTake()).resolve("C3501460050001").resolve("100GOPRO");
        assertThat(folder.resolve("GX010001.MP4")).hasSize(SIZE);
        assertThat(folder.resolve("GL010001.LRV")).hasSize(SIZE / 16);
        assertThat(folder.resolve("GX010001.THM")).isRegularFile();
        assertThat(run("takes", "verify", "latest", "--media-dir", media().toString())).isZero();
        assertThat(out.toString()).contains("100GOPRO/GL010001.LRV").contains("100GOPRO/GX010001.THM")
                .contains("3 of 3 files match");
        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--with", "raw")).isEqualTo(2);
        assertThat(err.toString()).contains("--with: unknown companion 'raw': use lrv or thm");
    }

    @Test
    void eachOffloadedVideoHasItsFootageFactsInTheManifestAndTheCompanionsNone() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 2);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString(),
                "--with", "lrv,thm")).as(err.toString()).isZero();

        assertThat(run("takes", "show", "latest", "--media-dir", media().toString(), "--json")).isZero();
        JsonNode files = new ObjectMapper().readTree(out.toString()).at("/cameras/0/files");
        assertThat(files).hasSize(6);
        for (JsonNode f : files) {
            JsonNode footage = f.get("footage");
            if (f.get("name").asText().endsWith(".MP4")) {
                // read from the file itself: the simulator writes the serial into udta/CAME and a tmcd track
                assertThat(footage.get("cameraId").asText()).as("%s", f).isEqualTo("C3501460050001");
                assertThat(footage.get("majorBrand").asText()).isEqualTo("mp41");
                assertThat(footage.get("startFrame").asLong()).isPositive();
                assertThat(footage.get("startTimecode").asText()).matches("\\d\\d:\\d\\d:\\d\\d:\\d\\d");
            } else {
                assertThat(footage).as("a companion (%s) is not read as footage", f.get("name")).isEmpty();
            }
        }
        assertThat(run("takes", "show", "latest", "--media-dir", media().toString())).isZero();
        // recorded at 10:00:00 on the camera's clock: the editor's non-drop timecode runs 0.1 % slow,
        // the time of day is the frame count at 29.97 fps
        assertThat(out.toString()).contains("footage: ")
                .contains("footage: fw -, camera C3501460050001, start 09:59:24:01 (frame 1078921 at 29.970 fps, "
                        + "09:59:59.997 camera clock)");
    }

    @Test
    void aFileCutShortAgainstTheCamerasMediaInfoFailsWithExitThree() throws Exception {
        VirtualCameraHttpServer a = camera("C3501460050001", 1);
        a.sdCard().faults().truncate("100GOPRO", "GX010001.MP4", SIZE - 1000);

        assertThat(run("offload", "--url", a.baseUri().toString(), "--media-dir", media().toString()))
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(err.toString()).contains("C3501460050001: 100GOPRO/GX010001.MP4: ")
                .contains("says 100GOPRO/GX010001.MP4 is " + SIZE + " bytes but " + (SIZE - 1000) + " were received");
        assertThat(run("takes", "show", "latest", "--media-dir", media().toString())).isZero();
        assertThat(out.toString()).contains("FAILED").contains("MediaInfoMismatchException");
    }

    @Test
    void withApTheCamerasFoundOverBleAreOffloadedEachOverItsOwnAccessPoint() throws Exception {
        assertThat(run("offload", "--ap", "--cameras", "2", "--media-dir", media().toString()))
                .as("%s%n%s", out, err).isZero();
        assertThat(out.toString()).contains("take ").contains("2 camera(s)").contains("2 file(s) verified, 0 remaining");
        String take = onlyTake();
        JsonNode manifest = new ObjectMapper().readTree(media().resolve(take).resolve("take.json").toFile());
        assertThat(manifest.get("cameras")).hasSize(2);
        for (JsonNode c : manifest.get("cameras")) {
            assertThat(c.get("name").asText()).startsWith("GoPro ");
            JsonNode f = c.at("/files/0");
            assertThat(f.get("state").asText()).isEqualTo("VERIFIED");
            assertThat(media().resolve(take).resolve(f.get("path").asText())).hasSize(f.get("size").asLong());
            // the recording is the simulated camera's own: read back from the file after the offload
            assertThat(f.at("/footage/firmware").asText()).isEqualTo(c.get("firmware").asText()).isNotBlank();
            assertThat(f.at("/footage/cameraId").asText()).isEqualTo(c.get("serial").asText());
            assertThat(f.at("/footage/durationMs").asDouble()).isEqualTo(10_000.0);
        }
        assertThat(out.toString() + err).doesNotContain("password");
    }

    @Test
    void withoutAnyCameraItIsAUsageError() {
        assertThat(run("offload", "--media-dir", media().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give at least one --url or --usb camera, or --ap");
    }
}
