package io.camrig.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpStatusException;
import io.camrig.http.MediaFormatException;
import io.camrig.http.SettingRejectedException;
import io.camrig.http.TestCamera;
import io.camrig.http.model.CameraControlStatus;
import io.camrig.http.model.CustomPresetUpdate;
import io.camrig.http.model.MediaPath;
import io.camrig.http.model.SettingOption;
import io.camrig.http.model.WebcamStart;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.test.StepVerifier;

/** What each typed operation sends, and how it reads what real cameras answer. */
class ApiTest {
    private static final Duration VERIFY = Duration.ofSeconds(10);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private TestCamera camera;

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
    }

    /** A camera answering every request with {@code status} and {@code body}, recording method, URI and body. */
    private CameraHttpClient answering(int status, String body) {
        return answering(req -> new Object[] {status, body});
    }

    private CameraHttpClient answering(Function<HttpServerRequest, Object[]> answer) {
        camera = TestCamera.serve(r -> r.route(req -> true, (req, res) -> req.receive().aggregate().asString()
                .defaultIfEmpty("")
                .flatMap(body -> {
                    requests.add(req.method() + " " + req.uri() + (body.isEmpty() ? "" : " " + body));
                    Object[] a = answer.apply(req);
                    return res.status((Integer) a[0]).sendString(Mono.just((String) a[1])).then();
                })));
        return CameraHttpClient.create(camera.uri());
    }

    @Test
    void controlOperationsSendTheSpecsPathsAndParameters() {
        CameraHttpClient c = answering(200, "{}");
        ControlApi control = c.control();
        Mono.when(control.shutter(true), control.shutter(false), control.setCameraControl(CameraControlStatus.EXTERNAL),
                control.wiredUsbControl(true), control.digitalZoom(50),
                control.setDateTime(LocalDateTime.of(2023, 12, 31, 21, 12, 13), -480, false),
                control.setName("Rig cam 1"), control.turboTransfer(true), control.setThirdPartyClient(),
                control.labsCommand("!MPRXY=1"), control.sleep(), control.factoryReset(), control.keepAlive())
                .block(VERIFY);

        assertThat(requests).containsExactlyInAnyOrder(
                "GET /gopro/camera/shutter/start", "GET /gopro/camera/shutter/stop",
                "GET /gopro/camera/control/set_ui_controller?p=2", "GET /gopro/camera/control/wired_usb?p=1",
                "GET /gopro/camera/digital_zoom?percent=50",
                "GET /gopro/camera/set_date_time?date=2023_12_31&time=21_12_13&tzone=-480&dst=0",
                "PUT /gopro/camera/name {\"value\":\"Rig cam 1\"}", "GET /gopro/media/turbo_transfer?p=1",
                "GET /gopro/camera/analytics/set_client_info", "GET /gopro/qrcode?labs=1&code=%21MPRXY%3D1",
                "GET /gp/gpControl/command/system/sleep", "GET /gp/gpControl/command/system/reset",
                "GET /gopro/camera/keep_alive");
    }

    @Test
    void stateToleratesNumbersAsStringsAndKeepsTextStatuses() {
        CameraHttpClient c = answering(200,
                "{\"status\":{\"8\":\"1\",\"10\":0,\"30\":\"GP24645504\",\"x\":3},\"settings\":{\"2\":\"9\"},\"new\":1}");
        StepVerifier.create(c.query().state())
                .assertNext(s -> {
                    assertThat(s.busy()).isTrue();
                    assertThat(s.encoding()).isFalse();
                    assertThat(s.ready()).isFalse();
                    assertThat(s.statuses()).containsEntry(30, "GP24645504").doesNotContainKey(-1);
                    assertThat(s.setting(2)).hasValue(9);
                })
                .expectComplete().verify(VERIFY);
    }

    @Test
    void infoClockNameAndVersionAreTyped() {
        CameraHttpClient c = answering(req -> new Object[] {200, switch (req.path()) {
            case "gopro/camera/info" -> "{\"model_number\":\"62\",\"model_name\":\"Hero12 Black\","
                    + "\"firmware_version\":\"H23.01.01.10.00\",\"serial_number\":\"C3501324645504\","
                    + "\"ap_ssid\":\"GP24645504\",\"ap_mac_addr\":\"065747046ceb\",\"extra\":[1]}";
            case "gopro/camera/get_date_time" -> "{\"date\":\"2023_12_31\",\"time\":\"11_05_45\",\"tzone\":-480,\"dst\":1}";
            case "gopro/camera/name" -> "{\"value\":\"My Cool Camera\"}";
            default -> "{\"version\":\"2.0\"}";
        }});
        StepVerifier.create(c.query().info()).assertNext(i -> {
            assertThat(i.modelNumber()).isEqualTo(62);
            assertThat(i.serialNumber()).isEqualTo("C3501324645504");
            assertThat(i.apMacAddress()).isEqualTo("065747046ceb");
        }).expectComplete().verify(VERIFY);
        StepVerifier.create(c.query().dateTime()).assertNext(t -> {
            assertThat(t.dateTime()).isEqualTo(LocalDateTime.of(2023, 12, 31, 11, 5, 45));
            assertThat(t.utcOffsetMinutes()).hasValue(-480);
            assertThat(t.daylightSaving()).contains(true);
        }).expectComplete().verify(VERIFY);
        StepVerifier.create(c.query().name()).expectNext("My Cool Camera").expectComplete().verify(VERIFY);
        StepVerifier.create(c.query().openGoProVersion()).expectNext("2.0").expectComplete().verify(VERIFY);
    }

    @Test
    void infoWithoutSerialAndAMalformedClockAreFormatErrors() {
        CameraHttpClient c = answering(req -> new Object[] {200, req.path().endsWith("info")
                ? "{\"model_name\":\"Hero12 Black\"}" : "{\"date\":\"31.12.2023\",\"time\":\"11_05_45\"}"});
        StepVerifier.create(c.query().info()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("serial_number")).verify(VERIFY);
        StepVerifier.create(c.query().dateTime()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(MediaFormatException.class).hasMessageContaining("date/time")).verify(VERIFY);
    }

    @Test
    void aRefusedSettingCarriesTheSupportedOptions() {
        CameraHttpClient c = answering(403, "{\"error\":1,\"setting_id\":2,\"option_id\":99,\"supported_options\":"
                + "[{\"id\":1,\"display_name\":\"4K\"},{\"id\":9,\"display_name\":\"1080\"}]}");
        StepVerifier.create(c.settings().set(2, 99))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(SettingRejectedException.class)
                            .hasMessageContaining("refused option 99 of setting 2")
                            .hasMessageContaining("1 (4K), 9 (1080)");
                    SettingRejectedException r = (SettingRejectedException) e;
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.isTransient()).isFalse();
                    assertThat(r.errorCode()).isEqualTo(1);
                    assertThat(r.supportedOptions()).containsExactly(new SettingOption(1, "4K"),
                            new SettingOption(9, "1080"));
                })
                .verify(VERIFY);
        assertThat(requests).containsExactly("GET /gopro/camera/setting?setting=2&option=99");
    }

    @Test
    void presetsAreDecodedAndTheirOperationsSent() {
        CameraHttpClient c = answering(req -> new Object[] {200, req.path().endsWith("get")
                ? "{\"presetGroupArray\":[{\"id\":1000,\"icon\":0,\"canAddPreset\":true,\"modeArray\":[12,15],"
                        + "\"presetArray\":[{\"id\":\"65536\",\"mode\":12,\"titleId\":0,\"isVisible\":1,\"isFixed\":true,"
                        + "\"settingArray\":[{\"id\":2,\"value\":9,\"isCaption\":true}]}]}],\"customIconIds\":[]}"
                : "{}"});
        StepVerifier.create(c.presets().get(true)).assertNext(p -> {
            assertThat(p.groups()).singleElement().satisfies(g -> {
                assertThat(g.id()).isEqualTo(1000);
                assertThat(g.modes()).containsExactly(12, 15);
            });
            assertThat(p.find(65536)).get().satisfies(preset -> {
                assertThat(preset.visible()).isTrue();
                assertThat(preset.fixed()).isTrue();
                assertThat(preset.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(9));
            });
        }).expectComplete().verify(VERIFY);
        Mono.when(c.presets().load(65536), c.presets().setGroup(1001), c.presets().setVisible(65536, false),
                c.presets().updateCustom(CustomPresetUpdate.rename("Slow"))).block(VERIFY);
        assertThat(requests).contains("GET /gopro/camera/presets/get?include-hidden=1",
                "GET /gopro/camera/presets/load?id=65536", "GET /gopro/camera/presets/set_group?id=1001",
                "GET /gopro/camera/presets/set_visibility/v2?id=65536&visible=0",
                "PUT /gopro/camera/presets/update_custom {\"custom_name\":\"Slow\",\"title_id\":94}");
    }

    @Test
    void mediaOperationsKeepTheSlashInPaths() {
        CameraHttpClient c = answering(req -> new Object[] {200, req.path().endsWith("info")
                ? "{\"s\":\"4194304\",\"cre\":\"1696000000\",\"w\":1920,\"h\":1080,\"ct\":0,\"dur\":\"3\",\"hi\":[1500]}"
                : "{}"});
        MediaPath p = MediaPath.parse("100GOPRO/GX010001.MP4");
        StepVerifier.create(c.media().info(p)).assertNext(i -> {
            assertThat(i.sizeBytes()).isEqualTo(4_194_304L);
            assertThat(i.isVideo()).isTrue();
            assertThat(i.hilightsMillis()).containsExactly(1500L);
        }).expectComplete().verify(VERIFY);
        Mono.when(c.media().gpmf(p), c.media().screennail(p), c.media().thumbnail(p), c.media().telemetry(p),
                c.media().deleteFile(p), c.media().deleteGroup(p), c.media().deleteAll(),
                c.media().addHilight(p, OptionalInt.of(500)), c.media().removeHilight(p, OptionalInt.empty()),
                c.media().tagMoment()).block(VERIFY);
        assertThat(requests).contains("GET /gopro/media/info?path=100GOPRO/GX010001.MP4",
                "GET /gopro/media/gpmf?path=100GOPRO/GX010001.MP4",
                "GET /gp/gpControl/command/storage/delete/group?p=100GOPRO/GX010001.MP4",
                "GET /gopro/media/hilight/file?path=100GOPRO/GX010001.MP4&ms=500",
                "GET /gopro/media/hilight/remove?path=100GOPRO/GX010001.MP4", "GET /gopro/media/hilight/moment");
    }

    @Test
    void lastCapturedIsEmptyOn204() {
        CameraHttpClient c = answering(204, "");
        StepVerifier.create(c.media().lastCaptured()).expectComplete().verify(VERIFY);
    }

    @Test
    void webcamNotSupportedIsAPermanent501() {
        CameraHttpClient c = answering(501, "{}");
        StepVerifier.create(c.webcam().start(WebcamStart.defaults().withResolution(12).withProtocol("TS")))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOfSatisfying(HttpStatusException.class,
                            s -> assertThat(s.status()).isEqualTo(501));
                    assertThat(e.getMessage()).contains("not supported");
                })
                .verify(VERIFY);
        assertThat(requests).containsExactly("GET /gopro/webcam/start?res=12&protocol=TS");
    }

    @Test
    void webcamStatusAndCohnStatusAreTypedAndTheCohnPasswordNeverShows() {
        CameraHttpClient c = answering(req -> new Object[] {200, switch (req.path()) {
            case "gopro/webcam/status" -> "{\"status\":2,\"error\":0}";
            case "gopro/webcam/version" -> "{\"version\":4,\"max_lens_support\":true,\"usb_3_1_compatible\":false}";
            default -> "{\"status\":1,\"state\":27,\"username\":\"gopro\",\"password\":\"hunter22\","
                    + "\"ipaddress\":\"192.168.1.20\",\"enabled\":1,\"ssid\":\"home\",\"macaddress\":\"aa\"}";
        }});
        StepVerifier.create(c.webcam().status()).assertNext(s -> assertThat(s.streaming()).isTrue())
                .expectComplete().verify(VERIFY);
        StepVerifier.create(c.webcam().version()).assertNext(v -> assertThat(v.maxLensSupport()).isTrue())
                .expectComplete().verify(VERIFY);
        StepVerifier.create(c.cohn().status()).assertNext(s -> {
            assertThat(s.connected()).isTrue();
            assertThat(s.credentials()).get().extracting(cr -> cr.password()).isEqualTo("hunter22");
            assertThat(s.toString()).doesNotContain("hunter22");
        }).expectComplete().verify(VERIFY);
        assertThat(requests).contains("POST /gopro/cohn/status");
    }

    @Test
    void streamsAndCohnSwitchesSendTheirBodies() {
        CameraHttpClient c = answering(200, "{}");
        Mono.when(c.streams().startPreview(OptionalInt.of(8556)), c.streams().stopPreview(),
                c.cohn().setActive(true), c.cohn().createCertificate(false), c.cohn().clearCertificate(),
                c.webcam().stop(), c.webcam().preview(), c.webcam().exit()).block(VERIFY);
        assertThat(requests).containsExactlyInAnyOrder("GET /gopro/camera/stream/start?port=8556",
                "GET /gopro/camera/stream/stop", "POST /gopro/cohn/setting {\"cohn_active\":1}",
                "POST /gopro/cohn/cert/create {\"override\":0}", "POST /gopro/cohn/cert/clear",
                "GET /gopro/webcam/stop", "GET /gopro/webcam/preview", "GET /gopro/webcam/exit");
    }

    @Test
    void theRootCertificateIsFetchedWithPost() {
        CameraHttpClient c = answering(200, "no certificate here");
        StepVerifier.create(c.cohn().rootCertificatePem()).expectNext("no certificate here").expectComplete()
                .verify(VERIFY);
        StepVerifier.create(c.cohn().rootCertificate()).expectError(MediaFormatException.class).verify(VERIFY);
        assertThat(requests).containsOnly("POST /GoProRootCA.crt");
    }

    @Test
    void busyIsTransientAndNothingIsSentBeforeSubscription() {
        CameraHttpClient c = answering(HttpResponseStatus.SERVICE_UNAVAILABLE.code(), "");
        Mono<Void> shutter = c.control().shutter(true);
        assertThat(requests).isEmpty();
        StepVerifier.create(shutter).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(io.camrig.http.HttpTransportException.class)).verify(VERIFY);
    }
}
