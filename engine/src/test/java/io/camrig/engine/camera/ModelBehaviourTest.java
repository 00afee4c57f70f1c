package io.camrig.engine.camera;

import static io.camrig.engine.camera.SimulatedCamera.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.catalog.OperationNotSupportedException;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.UnsupportedOptionException;
import io.camrig.proto.pb.EnumCameraControlStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Engine and simulator together, per model: what the camera refuses, what the engine refuses
 * before sending once it knows the model, and the busy periods after changes.
 */
class ModelBehaviourTest {

    @Test
    void aHero9RefusesCameraControlAndTheEngineStopsAskingOnceItKnowsTheModel() {
        try (SimulatedCamera c = SimulatedCamera.start("HERO9 Black", Duration.ZERO)) {
            assertThatThrownBy(() -> c.camera.control().setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL)
                    .block(LIMIT)).isInstanceOf(CameraStatusException.class).hasMessageContaining("RESULT_NOT_SUPPORTED");
            c.camera.info().hardwareInfo().block(LIMIT);
            assertThatThrownBy(() -> c.camera.control().setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL)
                    .block(LIMIT)).isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("HERO9 Black does not support Set Camera Control");
            c.camera.claimControl().block(LIMIT);   // nothing to claim on a HERO9
            assertThat(c.sim.statuses().has(114)).as("a HERO9 has no camera control status").isFalse();
        }
    }

    @Test
    void aHero9TakesItsOwnResolutionsOnly() {
        try (SimulatedCamera c = SimulatedCamera.start("HERO9 Black", Duration.ZERO)) {
            assertThatThrownBy(() -> c.camera.settings().set(Setting.VIDEO_RESOLUTION, "5.3K").block(LIMIT))
                    .isInstanceOf(UnsupportedOptionException.class).hasMessageContaining("supported: ");
            c.camera.settings().set(Setting.VIDEO_RESOLUTION, "5K").block(LIMIT);
            assertThat(c.sim.settings().value(Setting.VIDEO_RESOLUTION.id())).contains(24L);
        }
    }

    @Test
    void aCameraIsBusyAfterASettingChangeAndReadyAgainAfterwards() {
        try (SimulatedCamera c = SimulatedCamera.start("HERO12 Black", Duration.ofMillis(150))) {
            c.camera.settings().set(Setting.VIDEO_RESOLUTION, "1080").block(LIMIT);
            assertThatThrownBy(() -> c.camera.settings().set(Setting.VIDEO_RESOLUTION, "4K").block(LIMIT))
                    .isInstanceOf(CameraStatusException.class).hasMessageContaining("camera answered error");
            c.awaitReady();
            c.camera.settings().set(Setting.VIDEO_RESOLUTION, "4K").block(LIMIT);
            assertThat(c.sim.settings().value(Setting.VIDEO_RESOLUTION.id())).contains(1L);
        }
    }

    @Test
    void aLitHeroGetsItsClockThroughSetLocalDateTime() {
        try (SimulatedCamera c = SimulatedCamera.start("LIT HERO", Duration.ZERO)) {
            c.camera.info().hardwareInfo().block(LIMIT);
            LocalDateTime t = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
            // One rule for Camera and CameraControl: the model's own clock command (0x0F here).
            c.camera.control().setDateTime(t).block(LIMIT);
            assertThat(c.sim.clock()).isEqualTo(t);
            c.camera.setDateTime(t.plusSeconds(1)).block(LIMIT);
            assertThat(c.sim.clock()).isEqualTo(t.plusSeconds(1));
        }
    }

    @Test
    void setAnalyticsFromTheIdTableIsAcknowledged() {
        try (SimulatedCamera c = SimulatedCamera.start("HERO12 Black", Duration.ZERO)) {
            c.camera.control().setAnalytics().block(LIMIT);
            c.camera.claimControl().block(LIMIT);
            assertThat(c.sim.statuses().get(114)).isEqualTo(2);
        }
    }
}
