package io.camrig.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.media.SdCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The main job end to end on a simulated rig: BLE bytes, HTTP downloads, per-camera report. */
class RecordingSessionTest {
    private static final int FILE_BYTES = 256 * 1024;
    private static final List<String> STEPS = List.of("connect", "notifications", "ap credentials", "hardware info",
            "open gopro version", "register statuses", "claim control", "set date time", "load preset group", "read settings", "arm",
            "latency", "shutter on", "encoding on", "shutter off", "encoding off", "media list", "download");

    @TempDir
    Path media;

    @RegisterExtension
    final SimulatedRigs rigs = new SimulatedRigs();
    private VirtualRig rig;

    private RecordingSession session(SimulatorOptions sim) {
        return session(sim, java.util.Map.of());
    }

    private RecordingSession session(SimulatorOptions sim, java.util.Map<Integer, String> serials) {
        rig = rigs.start(VirtualRig.start(sim.withMediaFileBytes(FILE_BYTES), io.camrig.simulator.fault.FaultProfile.NONE,
                java.util.Map.of(), serials));
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

    @Test
    void eachCycleIsATakeWhoseManifestHoldsEveryFileWithItsSha256() throws Exception {
        SessionReport report = session(SimulatorOptions.defaults().withCameras(3)).run().block(Duration.ofSeconds(60));
        assertThat(report.allOk()).as("%s", report.cameras()).isTrue();
        String takeId = report.cycles().get(0).takeId();
        assertThat(takeId).isNotEmpty();

        TakeManifest manifest = new TakeStore(media).read(takeId).orElseThrow();

        assertThat(manifest.cameras()).hasSize(3);
        assertThat(manifest.fire()).isNotNull();
        assertThat(manifest.fire().shutterOk()).isEqualTo(3);
        assertThat(manifest.extensions()).containsKey("sync");
        for (TakeCamera c : manifest.cameras()) {
            assertThat(c.model()).isEqualTo("HERO12 Black");
            assertThat(c.steps()).containsEntry("download", "ok").containsEntry("read settings", "ok");
            assertThat(c.settingsInForce()).isNotEmpty()
                    .anySatisfy(v -> assertThat(v.name()).isEqualTo("video_resolution"));
            assertThat(c.startOffsetMillis()).isNotNull();
            assertThat(c.files()).singleElement().satisfies(f -> {
                assertThat(f.verified()).isTrue();
                // the footage facts, written into the manifest once the file was read
                assertThat(f.footage()).containsEntry("cameraId", c.serial()).containsKeys("startFrame",
                        "startTimecode", "durationMs", "firmware", "devices");
                assertThat(f.path()).isEqualTo(c.serial() + "/" + SdCard.DIRECTORY + "/" + f.name());
                var card = rig.camera(c.serial()).orElseThrow().sdCard();
                byte[] bytes = card.expectedBytes(card.find(SdCard.DIRECTORY, f.name()).orElseThrow());
                assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            });
        }
        assertThat(new TakeStore(media).verify(manifest))
                .extracting(TakeStore.FileCheck::result).containsOnly(TakeStore.FileCheck.Result.OK);
    }

    @Test
    void aCameraWhoseSerialIsAPathWritesNothingOutsideTheMediaDirectoryAndFailsAlone() throws Exception {
        Path outside = media.getParent().resolve("x");
        SessionReport report = session(SimulatorOptions.defaults().withCameras(2), java.util.Map.of(2, "../x"))
                .run().block(Duration.ofSeconds(60));

        assertThat(report.succeeded()).isEqualTo(1);
        CameraReport hostile = report.cameras().stream().filter(c -> c.serial().equals("../x")).findFirst().orElseThrow();
        assertThat(hostile.ok()).isFalse();
        assertThat(hostile.failedStep()).isEqualTo("download");
        assertThat(hostile.failure()).contains("serial number that cannot name a directory");
        assertThat(outside).doesNotExist();
        try (var all = Files.walk(media)) {
            assertThat(all.map(p -> media.relativize(p).toString())).noneMatch(p -> p.contains(".."));
        }
    }

    @Test
    void overTheCamerasOwnApsEachCameraIsJoinedFetchedAndLeftInTurn() {
        rig = rigs.start(VirtualRig.start(SimulatorOptions.defaults().withCameras(3).withMediaFileBytes(FILE_BYTES)));
        SessionOptions options = SessionOptions.defaults().withRecordFor(Duration.ofMillis(300)).withMediaDir(media)
                .withRig(RigOptions.defaults().withExpectedCameras(3));
        RecordingSession session = new RecordingSession(rig.central(), HttpAddressResolver.ofUris(rig::httpBaseUri),
                options, SessionListener.none()).withHostWifi(rig.hostWifi());

        SessionReport report = session.run().block(Duration.ofSeconds(60));

        assertThat(report.allOk()).as("%s", report.cameras()).isTrue();
        for (var c : report.cameras()) {
            assertDownloaded(c.serial(), Path.of(c.file()));
        }
        // The host's interface was given back after the last camera.
        assertThat(rig.hostWifi().currentSsid().block()).isEmpty();
    }

    private void assertDownloaded(String serial, Path file) {
        assertThat(file.getParent().getParent().getFileName().toString()).isEqualTo(serial);
        assertThat(file.getParent().getFileName().toString()).isEqualTo(SdCard.DIRECTORY);
        assertThat(file).startsWith(media).exists();
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
