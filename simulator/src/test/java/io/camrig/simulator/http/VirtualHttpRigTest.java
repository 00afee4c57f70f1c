package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.camera.CameraIdentity;
import io.camrig.simulator.camera.SimulatedModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
