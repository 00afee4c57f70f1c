package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.fault.FaultCounters;
import io.camrig.simulator.fault.FaultProfile;
import io.camrig.simulator.media.SdCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * 16 simulated cameras under the mixed fault profile (jitter, duplicated, lost and reordered
 * packets, lost messages, link drops, slow HTTP) run 20 record cycles: every cycle reports every
 * camera, nothing hangs, every downloaded file is byte-identical, and the reconnect metrics agree
 * with the link drops injected.
 */
class ChaosTest {
    private static final int CAMERAS = 16;
    private static final int CYCLES = 20;
    private static final int FILE_BYTES = 16 * 1024;

    @TempDir
    Path media;

    private VirtualRig sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)   // nothing may hang: a stuck run fails, bounded
    void twentyCyclesOnSixteenCamerasUnderMixedFaults() {
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(CAMERAS).withMediaFileBytes(FILE_BYTES)
                .withSeed(7), FaultProfile.MIXED).block(Duration.ofSeconds(20));
        RigOptions rig = RigOptions.defaults().withExpectedCameras(CAMERAS).withReadyTimeout(Duration.ofSeconds(3))
                .withReconnect(4, Duration.ofMillis(50))
                .withCamera(CameraOptions.defaults().withExchangeTimeout(Duration.ofSeconds(1)));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(50)).withMediaDir(media)
                .withCycles(CYCLES).withLatencyProbes(2).withRig(rig);
        RecordingSession session = new RecordingSession(sim.central(), HttpAddressResolver.ofUris(sim::httpBaseUri), options, SessionListener.none());

        StepVerifier.create(session.run())
                .assertNext(report -> {
                    assertThat(report.cycles()).hasSize(CYCLES);
                    long okCameraCycles = 0;
                    for (CycleReport cycle : report.cycles()) {
                        assertThat(cycle.outcomes()).as("cycle %d reports every camera", cycle.cycle()).hasSize(CAMERAS);
                        assertThat(cycle.outcomes().values()).allMatch(o -> o.equals("ok") || o.startsWith("failed")
                                || o.startsWith("out of sync: "));
                        // a camera out of sync completed the take, but the take is failed and says why
                        long outOfSync = cycle.outcomes().values().stream().filter(o -> o.startsWith("out of sync"))
                                .count();
                        if (outOfSync > 0) {
                            assertThat(cycle.ok()).isFalse();
                            assertThat(cycle.syncReport().orElseThrow().flagged()).hasSizeGreaterThanOrEqualTo(
                                    (int) outOfSync).allSatisfy(c -> assertThat(c.reasons()).isNotEmpty());
                            assertThat(report.failedTakes()).contains(cycle);
                        }
                        okCameraCycles += cycle.succeeded() + outOfSync;
                        cycle.files().forEach((camera, file) -> assertByteIdentical(Path.of(file)));
                    }
                    // Faults cost some camera-cycles, but the rig keeps going.
                    assertThat(okCameraCycles).as("camera-cycles completed").isGreaterThan(CAMERAS * CYCLES * 3L / 4);
                    FaultCounters injected = sim.faultCounters();
                    double reconnects = report.metrics().total("camrig.reconnects");
                    assertThat(injected.linkDrops()).as("link drops injected: %s", injected).isPositive();
                    assertThat(reconnects).as("every reconnect answers an injected link drop")
                            .isBetween(1.0, (double) injected.linkDrops());
                    double duplicates = report.metrics().functionTotal("camrig.packets.duplicates");
                    double packetErrors = report.metrics().functionTotal("camrig.packets.errors");
                    assertThat(duplicates).as("duplicates dropped never exceed those injected")
                            .isLessThanOrEqualTo(injected.duplicated());
                    if (injected.skipped() + injected.reordered() > 0) {
                        assertThat(packetErrors).as("skipped or reordered packets are rejected, counted").isPositive();
                    }
                    System.out.printf("chaos: %d/%d camera-cycles ok; injected %s; reconnects %.0f, duplicates"
                            + " dropped %.0f, packet errors %.0f%n", okCameraCycles, CAMERAS * CYCLES, injected,
                            reconnects, duplicates, packetErrors);
                })
                .verifyComplete();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFaultProfileForOneCameraHitsThatCameraOnly() {
        FaultProfile asleep = new FaultProfile("asleep", Duration.ZERO, 0, 0, 0, 0, 0, Duration.ZERO, 0, 0, 0, 0,
                Duration.ZERO, 1.0, Duration.ofMinutes(10));
        sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(4).withMediaFileBytes(FILE_BYTES),
                FaultProfile.NONE, Map.of(3, asleep)).block(Duration.ofSeconds(20));
        RigOptions rig = RigOptions.defaults().withExpectedCameras(4).withReadyTimeout(Duration.ofSeconds(2))
                .withResilience(io.camrig.engine.resilience.ResilienceOptions.defaults()
                        .withRetry(2, Duration.ofMillis(10), Duration.ofMillis(20)))
                .withCamera(CameraOptions.defaults().withExchangeTimeout(Duration.ofMillis(500)));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(50)).withMediaDir(media)
                .withLatencyProbes(1).withRig(rig);

        SessionReport report = new RecordingSession(sim.central(), HttpAddressResolver.ofUris(sim::httpBaseUri), options, SessionListener.none())
                .run().block(Duration.ofSeconds(60));

        assertThat(report.cameras()).filteredOn(c -> c.index() != 3).allMatch(CameraReport::ok);
        CameraReport sleeper = report.cameras().get(2);
        assertThat(sleeper.ok()).isFalse();
        assertThat(sleeper.failure()).contains("ExchangeTimeoutException");
        assertThat(sim.faultCounters().sleeps()).isEqualTo(1);   // only camera 3, once
    }

    private byte[] expected(String serial, String name) {
        SdCard card = sim.camera(serial).orElseThrow().sdCard();
        return card.expectedBytes(card.find(SdCard.DIRECTORY, name).orElseThrow());
    }

    private void assertByteIdentical(Path file) {
        // <media>/<take>/<serial>/100GOPRO/<name>: downloads keep the camera's folder (issue 19.1)
        String serial = file.getParent().getParent().getFileName().toString();
        try {
            assertThat(Files.readAllBytes(file))
                    .isEqualTo(expected(serial, file.getFileName().toString()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
