package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTransportException;
import io.camrig.http.SettingRejectedException;
import io.camrig.http.model.CameraControlStatus;
import io.camrig.http.model.MediaPath;
import io.camrig.http.model.SettingOption;
import io.camrig.simulator.media.SdCard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The virtual camera behaves like a camera over HTTP: state changes, realistic refusals. */
class SimulatedCameraTest {
    private static final Duration T = Duration.ofSeconds(10);
    private VirtualCameraHttpServer server;
    private CameraHttpClient client;

    @BeforeEach
    void start() {
        SdCard card = new SdCard("C3501460050001", 42, 4096);
        server = VirtualCameraHttpServer.start(card).block(T);
        client = CameraHttpClient.create(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anOptionTheModelLacksIsRefusedWith403AndTheSupportedOptions() {
        StepVerifier.create(client.settings().set(2, 31))
                .expectErrorSatisfies(e -> {
                    SettingRejectedException r = (SettingRejectedException) e;
                    assertThat(r.errorCode()).isEqualTo(SettingRoutes.ERROR_OPTION);
                    assertThat(r.supportedOptions()).contains(new SettingOption(1, "4K"), new SettingOption(9, "1080"))
                            .doesNotContain(new SettingOption(31, "8K"));
                })
                .verify(T);
        StepVerifier.create(client.settings().set(2, 9).then(client.settings().get(2))).expectNext(9L)
                .expectComplete().verify(T);
        StepVerifier.create(client.settings().set(9999, 1)).expectErrorSatisfies(e -> assertThat(
                ((SettingRejectedException) e).errorCode()).isEqualTo(SettingRoutes.ERROR_SETTING)).verify(T);
    }

    @Test
    void aBusyCameraAnswers503AndSettingsWaitForEncodingToStop() {
        server.model().busy(true);
        StepVerifier.create(client.control().shutter(true)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(HttpTransportException.class, t -> assertThat(t.status()).hasValue(503)))
                .verify(T);
        server.model().busy(false);
        StepVerifier.create(client.control().shutter(true).then(client.state())).assertNext(s -> {
            assertThat(s.encoding()).isTrue();
            assertThat(s.ready()).isFalse();
        }).expectComplete().verify(T);
        StepVerifier.create(client.settings().set(2, 9)).expectError(HttpTransportException.class).verify(T);
        StepVerifier.create(client.control().shutter(false).then(client.mediaList())).assertNext(list ->
                assertThat(list.files()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("GX010001.MP4")))
                .expectComplete().verify(T);
        StepVerifier.create(client.media().lastCaptured())
                .expectNext(MediaPath.parse("100GOPRO/GX010001.MP4")).expectComplete().verify(T);
    }

    @Test
    void stateFollowsControlZoomTurboAndPresets() {
        client.control().setCameraControl(CameraControlStatus.EXTERNAL)
                .then(client.control().digitalZoom(30))
                .then(client.control().turboTransfer(true))
                .then(client.presets().setGroup(1001))
                .block(T);
        StepVerifier.create(client.state()).assertNext(s -> {
            assertThat(s.status(114)).hasValue(2);
            assertThat(s.status(75)).hasValue(30);
            assertThat(s.status(113)).hasValue(1);
            assertThat(s.status(97)).hasValue(65536);
        }).expectComplete().verify(T);
        StepVerifier.create(client.control().setCameraControl(CameraControlStatus.CAMERA))
                .expectError(HttpStatusException.class).verify(T);
    }

    @Test
    void clockNameInfoAndHilightsRoundTrip() {
        client.control().setDateTime(LocalDateTime.of(2025, 6, 1, 8, 0, 0), 120, true)
                .then(client.control().setName("Left wing")).block(T);
        StepVerifier.create(client.query().dateTime()).assertNext(c -> {
            assertThat(c.dateTime()).isBetween(LocalDateTime.of(2025, 6, 1, 8, 0, 0), LocalDateTime.of(2025, 6, 1, 8, 1, 0));
            assertThat(c.utcOffsetMinutes()).hasValue(120);
            assertThat(c.daylightSaving()).contains(true);
        }).expectComplete().verify(T);
        StepVerifier.create(client.query().name()).expectNext("Left wing").expectComplete().verify(T);
        StepVerifier.create(client.query().info()).assertNext(i -> {
            assertThat(i.serialNumber()).isEqualTo("C3501460050001");
            assertThat(i.modelNumber()).isEqualTo(62);
            assertThat(i.modelName()).isEqualTo("HERO12 Black");
        }).expectComplete().verify(T);

        server.sdCard().record(Instant.parse("2025-01-01T00:00:00Z"));
        MediaPath p = MediaPath.parse("100GOPRO/GX010001.MP4");
        client.media().addHilight(p, OptionalInt.of(1500)).block(T);
        StepVerifier.create(client.media().info(p)).assertNext(i -> {
            assertThat(i.hilightsMillis()).containsExactly(1500L);
            assertThat(i.sizeBytes()).isEqualTo(4096);
        }).expectComplete().verify(T);
        client.media().deleteFile(p).block(T);
        StepVerifier.create(client.media().lastCaptured()).expectComplete().verify(T);
    }

    @Test
    void statusesFromTheBleSideAreMergedIntoTheState() {
        SdCard card = new SdCard("C3501460050002", 42, 1024);
        VirtualCameraHttpServer shared = VirtualCameraHttpServer.start(card, () -> Map.of(10, 1L, 70, 55L)).block(T);
        try {
            StepVerifier.create(CameraHttpClient.create(shared.baseUri()).state()).assertNext(s -> {
                assertThat(s.encoding()).isTrue();
                assertThat(s.status(70)).hasValue(55);
                assertThat(s.setting(2)).isPresent();
            }).expectComplete().verify(T);
        } finally {
            shared.close();
        }
    }
}
