package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** A rig that expects three cameras while one is switched off: the take is not complete. */
class MissingCameraTest {
    @TempDir
    Path media;

    @RegisterExtension
    final SimulatedRigs rigs = new SimulatedRigs();
    private VirtualRig rig;

    @Test
    void aCameraThatNeverShowsUpIsReportedAsFailed() {
        SimulatorOptions sim = SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(64 * 1024);
        rig = rigs.start(VirtualRig.start(sim));
        rig.powerOff(rig.cameras().get(2).identity().serial());      // switched off before the scan
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(200)).withMediaDir(media)
                .withRig(RigOptions.defaults().withExpectedCameras(3));
        RecordingSession session = new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri),
                options, SessionListener.none());

        StepVerifier.create(session.run())
                .assertNext(report -> {
                    assertThat(report.cameras()).hasSize(3);
                    assertThat(report.succeeded()).isEqualTo(2);
                    assertThat(report.allOk()).isFalse();
                    CameraReport missing = report.cameras().get(2);
                    assertThat(missing.ok()).isFalse();
                    assertThat(missing.failedStep()).isEqualTo("discover");
                    assertThat(missing.failure()).contains("found 2 of 3 cameras");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }
}
