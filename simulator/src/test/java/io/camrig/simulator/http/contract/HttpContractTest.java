package io.camrig.simulator.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.model.CameraControlStatus;
import io.camrig.http.model.CustomPresetUpdate;
import io.camrig.http.model.MediaPath;
import io.camrig.http.model.WebcamStart;
import io.camrig.simulator.http.HttpCameraIdentity;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.HttpServerOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Contract tests: the client drives every operation of {@code openapi.json} (the firmware
 * update excepted) against the simulator through a recording proxy, in success and in error;
 * every request the client sent and every answer the simulator gave is validated against the
 * spec. Only the deviations in {@link SpecDeviations} are tolerated, and each of them must still
 * be needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpContractTest {
    private static final Duration T = Duration.ofSeconds(20);
    private static final int FILE = 96 * 1024;
    /** Typed in the client but not exercised: a firmware update could brick a real camera. */
    private static final Set<String> NOT_EXERCISED = Set.of("POST /gp/gpSoftUpdate", "POST /gp/gpUpdate");

    private OpenApiContract contract;
    private VirtualCameraHttpServer cohnCamera;
    private VirtualCameraHttpServer plainCamera;
    private RecordingProxy cohnProxy;
    private RecordingProxy plainProxy;
    private final List<Interaction> interactions = new ArrayList<>();

    @BeforeAll
    void driveEveryOperation(@TempDir Path dir) {
        contract = new OpenApiContract(SpecDirectory.openApi());
        SdCard card = new SdCard("C3501460050001", 42, FILE);
        card.record(Instant.parse("2025-01-01T10:00:00Z"));
        card.record(Instant.parse("2025-01-01T10:01:00Z"));
        card.addPhoto(2048, true, Instant.parse("2025-01-01T10:02:00Z"));   // listed with "raw": "1"
        cohnCamera = VirtualCameraHttpServer.start(card, HttpCameraIdentity.fromSerial(card.serial()), Map::of, Map::of,
                HttpServerOptions.defaults().withCohn(0)).block(T);
        plainCamera = VirtualCameraHttpServer.start(new SdCard("C3531460050002", 42, FILE)).block(T);
        cohnProxy = new RecordingProxy(cohnCamera.baseUri());
        plainProxy = new RecordingProxy(plainCamera.baseUri());
        HttpOptions quick = HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1)).withDownloadResumes(2);
        CameraHttpClient c = new CameraHttpClient(cohnProxy.uri(), quick);
        CameraHttpClient plain = new CameraHttpClient(plainProxy.uri(), quick);
        MediaPath first = MediaPath.parse("100GOPRO/GX010001.MP4");
        MediaPath second = MediaPath.parse("100GOPRO/GX010002.MP4");
        MediaPath nowhere = MediaPath.parse("100GOPRO/GX019999.MP4");

        // Query
        run(c.query().state(), c.query().info(), c.query().dateTime(), c.query().name(), c.query().openGoProVersion());
        // Control and preview stream
        run(c.control().keepAlive(), c.control().setCameraControl(CameraControlStatus.EXTERNAL),
                c.control().wiredUsbControl(true), c.control().digitalZoom(40),
                c.control().setDateTime(LocalDateTime.of(2025, 3, 1, 12, 30, 5), 60, false),
                c.control().setName("Rig 1"), c.control().setThirdPartyClient(), c.control().turboTransfer(true),
                c.control().turboTransfer(false), c.streams().startPreview(OptionalInt.of(8556)),
                c.streams().stopPreview(), c.control().sleep());
        fail(c.control().labsCommand("!MPRXY=1"));              // 500: no Labs firmware
        // Settings and presets
        run(c.settings().set(2, 1), c.settings().set(121, 4), c.presets().get(false), c.presets().get(true),
                c.presets().setVisible(4, true), c.presets().load(3),
                c.presets().updateCustom(CustomPresetUpdate.rename("Slow")), c.presets().setGroup(1001),
                c.presets().load(0));
        fail(c.settings().set(2, 31));                            // 403: 8K is a MAX 2 option
        fail(c.settings().set(5000, 1));                          // 403: no such setting
        fail(c.presets().load(999));                              // 400
        fail(c.presets().updateCustom(CustomPresetUpdate.rename("Not custom")));   // 400: preset 0 is factory
        // Shutter, busy
        run(c.control().shutter(true));
        run(c.media().tagMoment());
        fail(c.settings().set(2, 9));                             // 503 while encoding
        run(c.control().shutter(false));
        cohnCamera.model().busy(true);
        fail(c.control().shutter(true));                          // 503 while busy
        cohnCamera.model().busy(false);
        // Media
        run(c.media().list(), c.media().info(first), c.media().gpmf(first), c.media().screennail(first),
                c.media().thumbnail(first), c.media().telemetry(first), c.media().lastCaptured(),
                c.media().addHilight(first, OptionalInt.of(500)), c.media().removeHilight(first, OptionalInt.of(500)),
                c.media().addHilight(second, OptionalInt.empty()));
        fail(c.media().info(nowhere));                            // 400
        fail(c.media().removeHilight(first, OptionalInt.of(123)));   // 500: no such hilight
        fail(c.media().deleteGroup(MediaPath.parse("100GOPRO/G0010001.JPG")));   // 400: no groups
        run(c.download("100GOPRO", "GX010001.MP4", FILE, dir.resolve("a.mp4")).then());
        cohnCamera.faults(HttpFaults.NONE.withCutDownloads(1, 40_000));
        run(c.download("100GOPRO", "GX010002.MP4", FILE, dir.resolve("b.mp4")).then());   // resumed: 206
        cohnCamera.faults(HttpFaults.NONE);
        fail(c.download("100GOPRO", "GX019999.MP4", FILE, dir.resolve("c.mp4")).then());   // 404
        run(HttpClient.create().headers(h -> h.set("Range", "bytes=" + FILE + "-")).get()
                .uri(cohnProxy.uri() + "/videos/DCIM/100GOPRO/GX010001.MP4")
                .responseSingle((r, body) -> body.asByteArray().then()));   // 416
        // Webcam
        run(c.webcam().start(WebcamStart.defaults().withResolution(12).withPort(8556).withProtocol("TS")),
                c.webcam().status(), c.webcam().preview(), c.webcam().stop(), c.webcam().exit(), c.webcam().version());
        // COHN: provisioned camera, then one without COHN
        run(c.cohn().rootCertificate(), c.cohn().status(), c.cohn().setActive(true), c.cohn().createCertificate(false),
                c.cohn().clearCertificate());
        fail(plain.cohn().rootCertificatePem());                  // 404: not provisioned
        run(plain.cohn().status());
        // Deletions, last captured on an empty card, reset
        run(c.media().deleteFile(first));
        fail(c.media().deleteFile(first));                        // 400: already gone
        run(c.media().deleteAll());
        run(c.media().lastCaptured());                            // 204
        run(c.control().factoryReset());
        interactions.addAll(cohnProxy.interactions());
        interactions.addAll(plainProxy.interactions());
    }

    private static void run(Mono<?>... calls) {
        for (Mono<?> call : calls) {
            call.then().block(T);
        }
    }

    private static void fail(Mono<?> call) {
        call.then().onErrorResume(e -> Mono.empty()).block(T);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {cohnProxy, plainProxy, cohnCamera, plainCamera}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    private List<OpenApiContract.Finding> findings() {
        return interactions.stream().flatMap(i -> contract.validate(i).stream()).toList();
    }

    @Test
    void everyRequestAndResponseFollowsTheSpecOrAToleratedDeviation() {
        List<OpenApiContract.Finding> untolerated = findings().stream().filter(f -> f.tolerated() == null).toList();
        assertThat(untolerated).as("validation messages not covered by SpecDeviations").isEmpty();
    }

    @Test
    void everyOperationOfTheSpecWasExercisedButTheFirmwareUpdate() {
        Set<String> seen = interactions.stream()
                .map(i -> i.method() + " " + i.path().replaceFirst("^/videos/DCIM/[^/]+/[^/]+$",
                        "/videos/DCIM/{directory}/{filename}").replaceFirst("^/gopro/camera/shutter/\\w+$",
                        "/gopro/camera/shutter/{mode}"))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(contract.operations());
        missing.removeAll(seen);
        assertThat(missing).containsExactlyInAnyOrderElementsOf(NOT_EXERCISED);
    }

    @Test
    void bothSuccessAndErrorAnswersWereValidated() {
        Set<Integer> statuses = interactions.stream().map(Interaction::status).collect(Collectors.toSet());
        assertThat(statuses).contains(200, 204, 206, 400, 403, 404, 416, 500, 503);
    }

    @Test
    void everyListedDeviationIsStillNeeded() {
        Map<String, Long> used = findings().stream().filter(f -> f.tolerated() != null)
                .collect(Collectors.groupingBy(f -> f.tolerated().id(), java.util.TreeMap::new, Collectors.counting()));
        System.out.println("contract: " + interactions.size() + " interactions; tolerated deviations used: " + used);
        assertThat(SpecDeviations.ALL).extracting(SpecDeviations.Deviation::id)
                .as("deviations no interaction needed: remove them").allMatch(used::containsKey);
    }

    @Test
    void settingChangesUseOptionsTheSpecListsForThatSetting() {
        for (Interaction i : interactions) {
            if (!i.path().equals("/gopro/camera/setting") || i.status() != 200) {
                continue;
            }
            int setting = Integer.parseInt(i.query().get("setting").get(0));
            int option = Integer.parseInt(i.query().get("option").get(0));
            assertThat(contract.settingOptions().get(setting)).as("options of setting %d", setting).contains(option);
        }
        assertThat(interactions).anyMatch(i -> i.path().equals("/gopro/camera/setting") && i.status() == 403
                && new String(i.responseBody(), java.nio.charset.StandardCharsets.UTF_8).contains("\"supported_options\":[{"));
    }
}
