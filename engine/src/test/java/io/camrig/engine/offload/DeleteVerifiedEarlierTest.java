package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.HttpOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --delete-after-verify} on a later run of a take: the files an earlier run verified and
 * did not see deleted (offloaded without the option, or kept then) are deleted now, each only
 * when its copy still matches the manifest, and never twice.
 */
class DeleteVerifiedEarlierTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpOptions HTTP = HttpOptions.defaults().withProgressStepBytes(64 * 1024);
    private static final OffloadOptions DELETE = OffloadOptions.defaults().withDeleteAfterVerify(true);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();

    private VirtualCameraHttpServer camera(int files) {
        return rigs.start(1, 21, 96 * 1024, files).cameras().get(0);
    }

    /** The take's queue as a new process reads it from disk. */
    private OffloadQueue reread(String takeId) {
        TakeStore store = new TakeStore(media);
        return new OffloadQueue(store, store.read(takeId).orElseThrow());
    }

    private OffloadQueue queueCard(VirtualCameraHttpServer cam) {
        return TestRigs.cardTake(media, cam, java.util.Set.of(), false);
    }

    private static <T extends OffloadEvent> List<T> of(List<OffloadEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aTakeOffloadedWithoutTheOptionIsClearedFromTheCameraByALaterRunWithItAndOnlyOnce() {
        VirtualCameraHttpServer cam = camera(3);
        String serial = cam.sdCard().serial();
        OffloadQueue first = queueCard(cam);
        String takeId = first.manifest().takeId();
        assertThat(of(TestRigs.offload(first, OffloadOptions.defaults(), cam, HTTP), OffloadEvent.Verified.class))
                .hasSize(3);
        assertThat(cam.sdCard().files()).hasSize(3);

        List<OffloadEvent> second = TestRigs.offload(reread(takeId), DELETE, cam, HTTP);

        assertThat(of(second, OffloadEvent.Verified.class)).isEmpty();
        assertThat(of(second, OffloadEvent.DeletedFromCamera.class)).extracting(d -> d.file().name())
                .containsExactly("GX010001.MP4", "GX010002.MP4", "GX010003.MP4");
        assertThat(cam.sdCard().files()).isEmpty();
        TakeManifest onDisk = new TakeStore(media).read(takeId).orElseThrow();
        assertThat(onDisk.camera(serial).orElseThrow().files()).allSatisfy(f -> {
            assertThat(f.verified()).isTrue();
            assertThat(f.deleted()).isTrue();
        });

        List<OffloadEvent> third = TestRigs.offload(reread(takeId), DELETE, cam, HTTP);
        assertThat(of(third, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(third, OffloadEvent.KeptOnCamera.class)).isEmpty();
    }

    @Test
    void aCopyChangedOnDiskSinceItWasVerifiedKeepsTheCamerasFile() throws Exception {
        VirtualCameraHttpServer cam = camera(2);
        String serial = cam.sdCard().serial();
        OffloadQueue first = queueCard(cam);
        String takeId = first.manifest().takeId();
        TestRigs.offload(first, OffloadOptions.defaults(), cam, HTTP);
        TakeFile changed = new TakeStore(media).read(takeId).orElseThrow().camera(serial).orElseThrow().files().get(0);
        Path copy = media.resolve(takeId).resolve(changed.path());
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length / 2] ^= 1;   // same size, one bit flipped
        Files.write(copy, bytes);

        List<OffloadEvent> second = TestRigs.offload(reread(takeId), DELETE, cam, HTTP);

        assertThat(of(second, OffloadEvent.KeptOnCamera.class)).singleElement().satisfies(k -> {
            assertThat(k.file().name()).isEqualTo(changed.name());
            assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.LOCAL_COPY_CHANGED);
            assertThat(k.detail()).contains("SHA-256");
        });
        assertThat(of(second, OffloadEvent.DeletedFromCamera.class)).hasSize(1);
        assertThat(cam.sdCard().files()).extracting(SdCardFile::name).containsExactly(changed.name());
    }

    @Test
    void aPhotoKeptForItsMissingRawVersionIsDeletedOnceALaterRunFetchesIt() {
        VirtualCameraHttpServer cam = camera(0);
        SdCard card = cam.sdCard();
        SdCardFile photo = card.addPhoto(20_000, true, Instant.parse("2025-01-02T10:00:00Z"));
        card.faults().withholdRawVersion(photo);
        OffloadQueue first = queueCard(cam);
        String takeId = first.manifest().takeId();
        assertThat(of(TestRigs.offload(first, DELETE, cam, HTTP), OffloadEvent.KeptOnCamera.class))
                .extracting(OffloadEvent.KeptOnCamera::reason).containsExactly(OffloadEvent.KeptReason.RAW_NOT_FETCHED);

        card.faults().serveRawVersion(photo);
        List<OffloadEvent> second = TestRigs.offload(reread(takeId), DELETE, cam, HTTP);

        assertThat(of(second, OffloadEvent.Verified.class)).extracting(v -> v.file().name())
                .containsExactly("GOPR0001.GPR");
        assertThat(of(second, OffloadEvent.DeletedFromCamera.class)).extracting(d -> d.file().name())
                .containsExactly("GOPR0001.JPG");
        assertThat(card.files()).isEmpty();
    }
}
