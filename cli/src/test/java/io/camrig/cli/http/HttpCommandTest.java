package io.camrig.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CamrigCommand;
import io.camrig.http.address.MdnsBrowser;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import reactor.core.publisher.Flux;

/** {@code camrig http …} against a simulated camera, as a user runs it. */
class HttpCommandTest {
    private static final String SERIAL = "C3501460050001";
    private static final int SIZE = 200_000;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private VirtualCameraHttpServer camera;
    private SdCard card;

    @BeforeEach
    void start() {
        card = new SdCard(SERIAL, 42, SIZE);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.record(Instant.parse("2025-01-01T10:05:00Z"));
        camera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(SERIAL), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private int run(String... args) {
        return run(CamrigCommand.commandLine(), args);
    }

    private int run(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String url() {
        return camera.baseUri().toString();
    }

    @Test
    void stateInfoAndVersionPrintTextOrJson() throws Exception {
        assertThat(run("http", "--url", url(), "state")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("busy no, encoding no: ready").contains("settings (id name option)")
                .containsPattern("   8  busy +0").containsPattern("   2  video_resolution +\\d+ \\(");
        out.getBuffer().setLength(0);

        assertThat(run("http", "--http", url(), "info", "--json")).isZero();
        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.get("serial").asText()).isEqualTo(SERIAL);
        assertThat(info.get("model").asText()).isEqualTo("HERO12 Black");
        out.getBuffer().setLength(0);

        assertThat(run("http", "--url", url(), "version")).isZero();
        assertThat(out.toString()).contains("Open GoPro 2.0");
        out.getBuffer().setLength(0);

        assertThat(run("http", "--url", url(), "state", "--json")).isZero();
        JsonNode state = new ObjectMapper().readTree(out.toString());
        assertThat(state.get("ready").asBoolean()).isTrue();
        assertThat(state.at("/status/39").asInt()).isEqualTo(2);
    }

    @Test
    void mediaListAndDownloadAllEndByteIdenticalWithTurboAroundIt() throws Exception {
        assertThat(run("http", "--url", url(), "media", "list", "--json")).isZero();
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list.get("files")).hasSize(2);
        out.getBuffer().setLength(0);

        Path to = dir.resolve("media");
        assertThat(run("http", "--url", url(), "media", "download", "--all", "--to", to.toString())).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("100GOPRO/GX010001.MP4  200000 bytes").contains("GX010002.MP4");
        for (String name : List.of("GX010001.MP4", "GX010002.MP4")) {
            assertThat(Files.readAllBytes(to.resolve("100GOPRO").resolve(name))).isEqualTo(card.expectedBytes(card.find("100GOPRO", name).orElseThrow()));
        }
        assertThat(camera.model().statuses().get(113)).as("turbo off after the downloads").isEqualTo(0L);
    }

    @Test
    void downloadTakesTheNewestByDefaultOrNamedFiles() {
        Path to = dir.resolve("m");
        assertThat(run("http", "--url", url(), "media", "download", "--to", to.toString())).isZero();
        assertThat(to.resolve("100GOPRO/GX010002.MP4")).exists();
        assertThat(to.resolve("100GOPRO/GX010001.MP4")).doesNotExist();

        assertThat(run("http", "--url", url(), "media", "download", "100GOPRO/GX010001.MP4", "--to", to.toString(),
                "--no-turbo")).isZero();
        assertThat(to.resolve("100GOPRO/GX010001.MP4")).hasSize(SIZE);
        assertThat(run("http", "--url", url(), "media", "download", "100GOPRO/NOPE.MP4", "--to", to.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("100GOPRO/NOPE.MP4 is not on the card");
    }

    @Test
    void theNewestRecordingIsEveryPhotoOfANewerBurstAndAllTakesThemToo() {
        card.addGroup(3, 5_000, java.time.Instant.now().plusSeconds(3600));
        Path to = dir.resolve("burst");

        assertThat(run("http", "--url", url(), "media", "download", "--to", to.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("100GOPRO/G0010003.JPG  5000 bytes");
        for (var photo : card.groups().all().get(0).members()) {
            assertThat(to.resolve("100GOPRO").resolve(photo.name())).hasSize(5_000);
        }
        assertThat(to.resolve("100GOPRO/GX010002.MP4")).as("not an older video in the burst's place").doesNotExist();
        Path all = dir.resolve("all");
        assertThat(run("http", "--url", url(), "media", "download", "--all", "--to", all.toString())).isZero();
        try (var files = Files.list(all.resolve("100GOPRO"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "G0010003.JPG", "G0010004.JPG", "G0010005.JPG", "GX010001.MP4", "GX010002.MP4");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shutterRecordsAFileAndSettingsShowRefusalsWithTheSupportedOptions() {
        assertThat(run("http", "--url", url(), "shutter", "on")).isZero();
        assertThat(run("http", "--url", url(), "shutter", "off")).isZero();
        assertThat(out.toString()).contains("shutter on").contains("shutter off");

        assertThat(run("http", "--url", url(), "settings", "set", "2", "31")).isEqualTo(1);
        assertThat(err.toString()).contains("refused option 31 of setting 2").contains("supported options:")
                .contains("1  4K");
        assertThat(run("http", "--url", url(), "settings", "set", "2", "9")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("http", "--url", url(), "settings", "get", "2")).isZero();
        assertThat(out.toString().trim()).isEqualTo("2  video_resolution                 9 (1080)");
        out.getBuffer().setLength(0);
        assertThat(run("http", "--url", url(), "settings", "set", "video_resolution", "4k")).isZero();
        assertThat(out.toString()).contains("setting 2 video_resolution = 1 (4K)");
        out.getBuffer().setLength(0);
        assertThat(run("http", "--url", url(), "settings", "get", "video_resolution", "--json")).isZero();
        assertThat(out.toString().trim()).isEqualTo("{\"2\":1}");
        assertThat(run("http", "--url", url(), "settings", "get", "no_such_setting")).isEqualTo(2);
    }

    @Test
    void cohnWorksWithTheRootCaAndPasswordFileAndNeverPrintsThePassword() throws Exception {
        var cohn = camera.cohn().orElseThrow();
        Path ca = Files.writeString(dir.resolve("GoProRootCA.crt"), cohn.rootPem());
        Path password = Files.writeString(dir.resolve("password"), cohn.credentials().password() + "\n");
        String https = camera.cohnBaseUri().orElseThrow().toString();

        assertThat(run("http", "--url", https, "--cohn-ca", ca.toString(), "--user", "gopro", "--password-file",
                password.toString(), "info")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(SERIAL);

        Path wrong = Files.writeString(dir.resolve("wrong"), "guess\n");
        assertThat(run("http", "--url", https, "--cohn-ca", ca.toString(), "--user", "gopro", "--password-file",
                wrong.toString(), "info")).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 401");
        assertThat(out.toString() + err.toString()).doesNotContain(cohn.credentials().password()).doesNotContain("guess");
    }

    @Test
    void badUsageExitsTwoAndAnUnreachableCameraExitsOne() {
        assertThat(run("http", "--url", url(), "--cohn-ca", "x.pem", "state")).isEqualTo(2);
        assertThat(err.toString()).contains("--cohn-ca needs an https:// --url");
        assertThat(run("http", "--url", url(), "--user", "gopro", "state")).isEqualTo(2);
        assertThat(run("http", "--url", url(), "--usb", SERIAL, "state")).isEqualTo(2);
        assertThat(run("http", "--url", url(), "shutter", "sideways")).isEqualTo(2);
        assertThat(run("http", "--url", url())).isEqualTo(2);
        camera.close();
        camera.onDispose().block(Duration.ofSeconds(5));
        assertThat(run("http", "--url", url(), "--timeout", "1s", "state")).isEqualTo(1);
        assertThat(err.toString()).contains("camrig http: [" + url() + "] GET /gopro/camera/state");
    }

    @Test
    void discoverPrintsTheCamerasMdnsFinds() throws Exception {
        CommandLine cli = CamrigCommand.commandLine();
        HttpDiscoverCommand discover = (HttpDiscoverCommand) cli.getSubcommands().get("http").getSubcommands()
                .get("discover").getCommand();
        InetAddress usb = InetAddress.getByName("172.20.101.51");
        discover.browser = (type, window) -> Flux.just(new MdnsBrowser.ServiceInstance("GoPro 0001", List.of(usb), 8080));

        assertThat(run(cli, "http", "discover", "--wait", "100ms")).isZero();
        assertThat(out.toString()).contains("GoPro 0001").contains("http://172.20.101.51:8080").contains("1 cameras found");
    }
}
