package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.rig.StepRecord;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.media.SdCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The main job end to end on a simulated rig: BLE bytes, HTTP downloads, per-camera report. */
class RecordingSessionTest {
    private static final int FILE_BYTES = 256 * 1024;
    private static final List<String> STEPS = List.of("connect", "notifications", "ap credentials", "hardware info",
            "open gopro version", "register statuses", "claim control", "set date time", "load preset group", "arm",
            "latency", "shutter on", "encoding on", "shutter off", "encoding off", "media list", "download");

    @TempDir
    Path media;

    private VirtualRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private RecordingSession session(SimulatorOptions sim) {
        rig = VirtualRig.start(sim.withMediaFileBytes(FILE_BYTES)).block(Duration.ofSeconds(10));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(300)).withMediaDir(media)
                .withRig(RigOptions.defaults().withExpectedCameras(sim.cameras()))
                // This test is about the session and its downloads; judging sync on a machine shared
                // with other builds is TakeSyncSessionTest's job, with margins made for it.
                .withSync(new SyncTolerance(Duration.ofSeconds(1), 30));
        return new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri), options, SessionListener.none());
    }

    @Test
    void eightCamerasRecordInSyncAndEveryFileArrivesByteIdentical() {
        StepVerifier.create(session(SimulatorOptions.defaults()).run())
                .assertNext(report -> {
                    assertThat(report.cameras()).hasSize(8);
                    assertThat(report.allOk()).as("every camera ok: %s", report.cameras()).isTrue();
                    for (var c : report.cameras()) {
                        assertThat(c.steps()).extracting(StepRecord::step).containsExactlyElementsOf(STEPS);
                        assertThat(c.steps()).extracting(StepRecord::status).containsOnly("ok");
                        assertThat(c.model()).isEqualTo("HERO12 Black");
                        assertThat(c.fileBytes()).isEqualTo(FILE_BYTES);
                        assertDownloaded(c.serial(), Path.of(c.file()));
                    }
                    // Writes staggered by the latency differences so that arrivals coincide.
                    assertThat(report.fireSkewMicros()).isPresent();
                    assertThat(report.predictedSpreadMicros().getAsLong()).isLessThan(report.fireSkewMicros().getAsLong());
                    // Encoding started within the spread of the simulated latencies (10-30 ms one way).
                    assertThat(report.encodingSpreadMicros()).isPresent();
                    assertThat(report.encodingSpreadMicros().getAsLong()).isBetween(0L, 60_000L);
                })
                .verifyComplete();
        for (VirtualCamera camera : rig.cameras()) {
            assertThat(camera.sdCard().files()).hasSize(1);
            assertThat(camera.clock()).isNotNull();
        }
    }

    @Test
    void aCameraThatDropsItsLinkMidRecordingFailsAloneWithItsReason() {
        StepVerifier.create(session(SimulatorOptions.defaults().withFailCameras(Set.of(3))).run())
                .assertNext(report -> {
                    assertThat(report.allOk()).isFalse();
                    assertThat(report.succeeded()).isEqualTo(7);
                    var failed = report.cameras().get(2);
                    assertThat(failed.ok()).isFalse();
                    assertThat(failed.failedStep()).isIn("reconnect", "shutter off", "encoding off");
                    assertThat(failed.failure()).contains("CameraGoneException").contains("BLE link lost")
                            .contains("3 reconnect attempts failed");
                    assertThat(failed.steps()).filteredOn(s -> s.step().equals("download"))
                            .extracting(StepRecord::status).containsExactly("skipped");
                    for (var c : report.cameras()) {
                        if (c.index() != 3) {
                            assertThat(c.ok()).isTrue();
                            assertDownloaded(c.serial(), Path.of(c.file()));
                        }
                    }
                })
                .verifyComplete();
    }

    private void assertDownloaded(String serial, Path file) {
        assertThat(file).startsWith(media.resolve(serial)).exists();
        try {
            var card = rig.camera(serial).orElseThrow().sdCard();
            byte[] expected = card.expectedBytes(card.find(SdCard.DIRECTORY, file.getFileName().toString()).orElseThrow());
            assertThat(Files.readAllBytes(file)).isEqualTo(expected);
            try (var listing = Files.list(file.getParent())) {
                assertThat(listing).as("no temporary files left").containsExactly(file);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
