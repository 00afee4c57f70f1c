package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.camera.CameraIdentity;
import io.camrig.simulator.camera.SimulatedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

class VirtualHttpRigTest {
    private static final Duration T = Duration.ofSeconds(15);

    @Test
    void camerasGetTheVirtualRigsIdentitiesAndPreRecordedFiles() {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(3, "HERO13 Black", 7, 2048, 2, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            assertThat(rig.cameras()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                VirtualCameraHttpServer s = rig.cameras().get(i);
                String serial = CameraIdentity.generate(i + 1, SimulatedModel.HERO13_BLACK, 7).serial();
                assertThat(s.sdCard().serial()).isEqualTo(serial);
                assertThat(s.cohnBaseUri()).isEmpty();
                assertThat(CameraHttpClient.create(s.baseUri()).mediaList().block(T).files()).hasSize(2)
                        .allSatisfy(f -> assertThat(f.size()).isEqualTo(2048));
            }
        }
    }

    @Test
    void theRecordingsOnACardAtStartCarryTheCamerasOwnFirmwareSerialAndLength(@TempDir Path dir) throws Exception {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(1, "HERO12 Black", 7, 4096, 2, "127.0.0.1", 0, false, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            var second = s.sdCard().files().get(1);
            Path mp4 = Files.write(dir.resolve(second.name()), s.sdCard().expectedBytes(second));
            io.camrig.footage.FootageFacts facts = io.camrig.footage.FootageReader.read(mp4);

            assertThat(facts.firmware()).isEqualTo(SimulatedModel.HERO12_BLACK.firmwareVersion());
            assertThat(facts.cameraIdText()).isEqualTo(s.sdCard().serial());
            assertThat(facts.durationMillis()).isEqualTo(VirtualHttpRig.PRELOADED_LENGTH.toMillis());
            assertThat(facts.creationTime()).contains(java.time.LocalDateTime.of(2025, 1, 1, 10, 1, 0));
            var info = CameraHttpClient.create(s.baseUri()).media()
                    .info(new io.camrig.http.model.MediaPath(second.directory(), second.name())).block(T);
            assertThat(info.durationSeconds()).hasValue(VirtualHttpRig.PRELOADED_LENGTH.toSeconds());
        }
    }

    @Test
    void aSpooledRigServesEveryCardFromItsFilesWithTheCardsBytes(@TempDir Path spool) throws java.io.IOException {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(2, "HERO12 Black", 7, 300_000, 1, "127.0.0.1", 0, false,
                0, Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o, Optional.of(spool)).block(T)) {
            for (VirtualCameraHttpServer s : rig.cameras()) {
                var file = s.sdCard().files().get(0);
                byte[] expected = s.sdCard().expectedBytes(file);
                assertThat(Files.readAllBytes(s.sdCard().contentFile(file).orElseThrow())).isEqualTo(expected);
                byte[] got = HttpClient.create().baseUrl(s.baseUri().toString()).get()
                        .uri("/videos/DCIM/100GOPRO/" + file.name()).responseContent().aggregate().asByteArray()
                        .block(T);
                assertThat(got).isEqualTo(expected);
            }
        }
    }

    @Test
    void withCohnEveryCameraAlsoServesHttps() {
        VirtualHttpRig.Options o = new VirtualHttpRig.Options(2, "HERO12 Black", 1, 1024, 0, "127.0.0.1", 0, true, 0,
                Duration.ZERO);
        try (VirtualHttpRig rig = VirtualHttpRig.start(o).block(T)) {
            assertThat(rig.cameras()).allSatisfy(s -> {
                assertThat(s.cohnBaseUri()).get().satisfies(u -> assertThat(u.getScheme()).isEqualTo("https"));
                assertThat(s.cohn()).isPresent();
            });
            assertThat(rig.cameras().get(0).cohn().get().rootCertificate())
                    .isNotEqualTo(rig.cameras().get(1).cohn().get().rootCertificate());
        }
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> new VirtualHttpRig.Options(0, "HERO12 Black", 1, 1, 0, "127.0.0.1", 0, false, 0,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VirtualHttpRig.Options(2, "HERO99", 1, 1, 0, "127.0.0.1", 0, false, 0,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VirtualHttpRig.Options(10, "HERO12 Black", 1, 1, 0, "127.0.0.1", 65_530, false, 0,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
