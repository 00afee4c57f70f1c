package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo the camera lists with {@code "raw": "1"} comes off with its RAW version ({@code .GPR},
 * not listed, its size learned from the download), fetched first, asked for or not; the photo is
 * deleted from the camera only once both are verified.
 */
class RawPhotoOffloadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpOptions SMALL_STEPS = HttpOptions.defaults().withProgressStepBytes(64 * 1024);
    private static final Instant SHOT = Instant.parse("2025-01-02T10:00:00Z");

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();

    private VirtualCameraHttpServer cameraWithRawPhoto() {
        VirtualCameraHttpServer cam = rigs.start(1, 12, 64 * 1024, 0).cameras().get(0);
        cam.sdCard().addPhoto(50_000, true, SHOT);
        cam.sdCard().addPhoto(40_000, false, SHOT.plusSeconds(5));
        return cam;
    }

    /** A take queueing every file of the card, LRV asked for as {@code --with lrv} would (not RAW). */
    private OffloadQueue queueCard(VirtualCameraHttpServer cam) {
        return TestRigs.cardTake(media, cam, Set.of(io.camrig.engine.take.Companion.LRV), false);
    }

    private static List<OffloadEvent> offload(OffloadQueue queue, OffloadOptions options, VirtualCameraHttpServer cam) {
        return TestRigs.offload(queue, options, cam, SMALL_STEPS);
    }

    @Test
    void theRawVersionIsQueuedBeforeItsPhotoAndLandsByteIdenticalWithTheSizeReceived() throws Exception {
        VirtualCameraHttpServer cam = cameraWithRawPhoto();
        String serial = cam.sdCard().serial();
        SdCardFile photo = cam.sdCard().files().get(0);
        SdCardFile gpr = cam.sdCard().rawVersion(photo).orElseThrow();
        OffloadQueue queue = queueCard(cam);
        assertThat(queue.pending(serial)).extracting(TakeFile::name)
                .containsExactly("GOPR0001.GPR", "GOPR0001.JPG", "GOPR0002.JPG");
        assertThat(queue.pending(serial).get(0).size()).isEqualTo(TakeFile.SIZE_NOT_LISTED);

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults(), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(3);
        TakeManifest onDisk = new TakeStore(media).read(queue.manifest().takeId()).orElseThrow();
        TakeFile raw = onDisk.camera(serial).orElseThrow().file("100GOPRO", "GOPR0001.GPR").orElseThrow();
        assertThat(raw.verified()).isTrue();
        assertThat(raw.size()).isEqualTo(gpr.size()).isEqualTo(150_000);
        assertThat(raw.companionOf()).isEqualTo("GOPR0001.JPG");
        assertThat(raw.sha256()).isEqualTo(TestRigs.sha256(cam.sdCard(), gpr));
        Path landed = media.resolve(onDisk.takeId()).resolve(serial).resolve("100GOPRO").resolve("GOPR0001.GPR");
        assertThat(Files.readAllBytes(landed)).isEqualTo(cam.sdCard().expectedBytes(gpr));
        assertThat(new TakeStore(media).verify(onDisk)).hasSize(3).allSatisfy(r ->
                assertThat(r.result()).isEqualTo(TakeStore.FileCheck.Result.OK));
    }

    @Test
    void deleteAfterVerifyDeletesTheRawPhotoOnceBothAreVerified() {
        VirtualCameraHttpServer cam = cameraWithRawPhoto();
        OffloadQueue queue = queueCard(cam);

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults().withDeleteAfterVerify(true), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.DeletedFromCamera).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.KeptOnCamera).isEmpty();
        assertThat(cam.sdCard().files()).isEmpty();
    }

    @Test
    void aRawVersionTheCameraDoesNotServeFailsTypedAndKeepsItsPhotoOnTheCamera() {
        VirtualCameraHttpServer cam = cameraWithRawPhoto();
        String serial = cam.sdCard().serial();
        SdCardFile photo = cam.sdCard().files().get(0);
        cam.sdCard().faults().withholdRawVersion(photo);
        OffloadQueue queue = queueCard(cam);

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults().withDeleteAfterVerify(true), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement().satisfies(e -> {
            OffloadEvent.Failed f = (OffloadEvent.Failed) e;
            assertThat(f.file().name()).isEqualTo("GOPR0001.GPR");
            assertThat(f.error()).isInstanceOf(HttpStatusException.class);
        });
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.KeptOnCamera).singleElement().satisfies(e -> {
            OffloadEvent.KeptOnCamera k = (OffloadEvent.KeptOnCamera) e;
            assertThat(k.file().name()).isEqualTo("GOPR0001.JPG");
            assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.RAW_NOT_FETCHED);
        });
        // the photo is verified but stays on the card with its RAW version; the plain photo goes
        assertThat(queue.manifest().camera(serial).orElseThrow().file("100GOPRO", "GOPR0001.JPG").orElseThrow()
                .verified()).isTrue();
        assertThat(cam.sdCard().files()).extracting(SdCardFile::name).containsExactly("GOPR0001.JPG");
    }
}
