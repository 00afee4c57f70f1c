package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.DownloadResult;
import io.camrig.http.HttpOptions;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaFile;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.RecordingFacts;
import io.camrig.simulator.media.CardFaults;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --delete-after-verify}: a file leaves its camera only once its verified copy and the
 * manifest saying so are on disk, the camera and its file are still those verified, and the
 * camera confirms; anything else keeps it on the camera and says why, without failing anything.
 */
class DeleteAfterVerifyTest {
    private static final int FILE_BYTES = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpOptions HTTP = HttpOptions.defaults().withProgressStepBytes(64 * 1024)
            .withResumeBackoff(Duration.ofMillis(1));
    private static final OffloadOptions DELETE = OffloadOptions.defaults().withDeleteAfterVerify(true);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;
    private CameraProxy proxy;

    private List<VirtualCameraHttpServer> cameras(int n, int files) {
        rig = rigs.start(n, 5, FILE_BYTES, files);
        return rig.cameras();
    }

    /** A take queueing every file each camera lists now, as {@code camrig offload --card} does. */
    /** Where {@code queue} puts the first file of {@code cam}, its folder made (for a file already there). */
    private static Path firstTarget(TakeStore store, OffloadQueue queue, VirtualCameraHttpServer cam) throws IOException {
        String serial = cam.sdCard().serial();
        Path target = store.target(queue.manifest().takeId(), serial, queue.pending(serial).get(0));
        Files.createDirectories(target.getParent());
        return target;
    }

    private OffloadQueue queueAll(TakeStore store, List<VirtualCameraHttpServer> cams) {
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        for (VirtualCameraHttpServer c : cams) {
            String serial = c.sdCard().serial();
            queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
            queue.enqueue(serial, c.sdCard().files().stream().map(DeleteAfterVerifyTest::listed).toList());
        }
        return queue;
    }

    private static MediaFile listed(SdCardFile f) {
        return new MediaFile(f.directory(), f.name(), f.size(), f.created(), f.created());
    }

    private List<OffloadEvent> offload(OffloadQueue queue, OffloadOptions options, OffloadCamera... cams) {
        return new Offloader(queue, options, Optional.empty()).run(List.of(cams)).collectList().block(WAIT);
    }

    private static <T extends OffloadEvent> List<T> of(List<OffloadEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void eachDeleteReachesTheCameraOnlyOnceTheManifestOnDiskSaysVerifiedAndTheCopyIsWhole() {
        List<VirtualCameraHttpServer> cams = cameras(1, 3);
        VirtualCameraHttpServer cam = cams.get(0);
        String serial = cam.sdCard().serial();
        AtomicReference<String> takeId = new AtomicReference<>();
        List<String> seenAtDelete = new CopyOnWriteArrayList<>();
        // At the instant each delete request arrives: what the manifest on disk and the copy say.
        proxy = rigs.closeAfter(new CameraProxy(uri -> {
            if (uri.startsWith("/gopro/media/delete/file")) {
                String path = URLDecoder.decode(uri.substring(uri.indexOf("path=") + 5), StandardCharsets.UTF_8);
                String[] fn = path.split("/");
                TakeManifest onDisk = new TakeStore(media).read(takeId.get()).orElseThrow();
                TakeFile f = onDisk.camera(serial).orElseThrow().file(fn[0], fn[1]).orElseThrow();
                Path copy = media.resolve(takeId.get()).resolve(serial).resolve(fn[0]).resolve(fn[1]);
                seenAtDelete.add(path + " " + f.state() + " " + (Files.isRegularFile(copy) ? sizeOf(copy) : -1));
            }
        }));
        proxy.target.set(cam.baseUri());
        OffloadQueue queue = queueAll(new TakeStore(media), cams);
        takeId.set(queue.manifest().takeId());

        List<OffloadEvent> events = offload(queue, DELETE, OffloadCamera.of(serial, serial,
                new CameraHttpClient(proxy.address(), HTTP), OffloadCamera.Link.COHN));

        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).hasSize(3);
        assertThat(seenAtDelete).containsExactly("100GOPRO/GX010001.MP4 VERIFIED " + FILE_BYTES,
                "100GOPRO/GX010002.MP4 VERIFIED " + FILE_BYTES, "100GOPRO/GX010003.MP4 VERIFIED " + FILE_BYTES);
        assertThat(cam.sdCard().files()).isEmpty();
    }

    @Test
    void aBusyAnswerAfterTheDeleteLeavesItUnconfirmedNotDeleted() {
        List<VirtualCameraHttpServer> cams = cameras(1, 1);
        VirtualCameraHttpServer cam = cams.get(0);
        String serial = cam.sdCard().serial();
        java.util.concurrent.atomic.AtomicBoolean deleted = new java.util.concurrent.atomic.AtomicBoolean();
        // Once the delete has gone through, the camera answers 503 (the proxy's answer with no target): busy, not gone.
        proxy = rigs.closeAfter(new CameraProxy(uri -> {
            if (uri.startsWith("/gopro/media/delete/file")) {
                deleted.set(true);
            } else if (deleted.get() && uri.startsWith("/gopro/media/info")) {
                proxy.target.set(null);
            }
        }));
        proxy.target.set(cam.baseUri());
        OffloadQueue queue = queueAll(new TakeStore(media), cams);

        List<OffloadEvent> events = offload(queue, DELETE, OffloadCamera.of(serial, serial,
                new CameraHttpClient(proxy.address(), HTTP), OffloadCamera.Link.COHN));

        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.KeptOnCamera.class)).singleElement()
                .satisfies(k -> assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.UNCONFIRMED));
        assertThat(of(events, OffloadEvent.Verified.class)).hasSize(1);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void whenTheManifestCannotBeWrittenNothingIsDeletedFromTheCamera() {
        List<VirtualCameraHttpServer> cams = cameras(1, 2);
        VirtualCameraHttpServer cam = cams.get(0);
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = queueAll(store, cams);
        // As a process stopped between a file's fsync and its manifest write: the store takes no more writes.
        store.close(Duration.ZERO);

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cam, HTTP));

        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.Verified.class)).isEmpty();
        assertThat(of(events, OffloadEvent.Failed.class)).isNotEmpty();
        assertThat(cam.sdCard().files()).extracting(SdCardFile::name).containsExactly("GX010001.MP4", "GX010002.MP4");
        TakeManifest onDisk = new TakeStore(media).read(queue.manifest().takeId()).orElseThrow();
        assertThat(onDisk.pendingFiles()).isEqualTo(2);
    }

    @Test
    void aCameraThatRefusesTheDeleteKeepsTheFileVerifiedAndSaysWhyWithoutFailingIt() {
        List<VirtualCameraHttpServer> cams = cameras(2, 1);
        cams.get(0).sdCard().faults().deletes(CardFaults.Deletes.REFUSES);
        OffloadQueue queue = queueAll(new TakeStore(media), cams);

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cams.get(0), HTTP), TestRigs.direct(cams.get(1), HTTP));

        String refusing = cams.get(0).sdCard().serial();
        assertThat(of(events, OffloadEvent.KeptOnCamera.class)).singleElement().satisfies(k -> {
            assertThat(k.serial()).isEqualTo(refusing);
            assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.REFUSED);
            assertThat(k.detail()).contains("400");
        });
        assertThat(of(events, OffloadEvent.Failed.class)).isEmpty();
        assertThat(cams.get(0).sdCard().files()).hasSize(1);
        // the other camera is not affected
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).extracting(OffloadEvent::serial)
                .containsExactly(cams.get(1).sdCard().serial());
        assertThat(cams.get(1).sdCard().files()).isEmpty();
        assertThat(new TakeStore(media).read(queue.manifest().takeId()).orElseThrow().pendingFiles()).isZero();
    }

    @Test
    void aCameraThatSaysItDeletedAFileItStillHoldsIsReportedKeptNotDeleted() {
        List<VirtualCameraHttpServer> cams = cameras(1, 1);
        cams.get(0).sdCard().faults().deletes(CardFaults.Deletes.KEEPS);
        OffloadQueue queue = queueAll(new TakeStore(media), cams);

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cams.get(0), HTTP));

        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.KeptOnCamera.class)).singleElement()
                .satisfies(k -> assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.STILL_ON_CAMERA));
        assertThat(of(events, OffloadEvent.Verified.class)).hasSize(1);
        assertThat(cams.get(0).sdCard().files()).hasSize(1);
    }

    @Test
    void aCopyAlreadyThereIdenticalIsRehashedThenTheCamerasFileIsDeleted() throws Exception {
        List<VirtualCameraHttpServer> cams = cameras(1, 1);
        VirtualCameraHttpServer cam = cams.get(0);
        SdCardFile f = cam.sdCard().files().get(0);
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = queueAll(store, cams);
        Path target = firstTarget(store, queue, cam);
        byte[] camerasBytes = cam.sdCard().expectedBytes(f);   // read before the card loses it
        Files.write(target, camerasBytes);

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cam, HTTP));

        assertThat(of(events, OffloadEvent.Verified.class)).singleElement()
                .satisfies(v -> assertThat(v.result().disposition()).isEqualTo(DownloadResult.Disposition.IDENTICAL));
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).hasSize(1);
        assertThat(Arrays.equals(Files.readAllBytes(target), camerasBytes)).as("the copy kept is the camera's file").isTrue();
        assertThat(cam.sdCard().files()).isEmpty();
    }

    @Test
    void aDifferentFileAlreadyAtTheTargetIsKeptAndTheCameraLosesItsFileOnlyOnceItsOwnBytesAreOnDisk() throws Exception {
        List<VirtualCameraHttpServer> cams = cameras(1, 1);
        VirtualCameraHttpServer cam = cams.get(0);
        SdCardFile f = cam.sdCard().files().get(0);
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = queueAll(store, cams);
        Path target = firstTarget(store, queue, cam);
        byte[] other = new byte[(int) f.size()];   // same size, other bytes: not the camera's file
        Files.write(target, other);
        byte[] camerasBytes = cam.sdCard().expectedBytes(f);   // read before the card loses it

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cam, HTTP));

        OffloadEvent.Verified v = of(events, OffloadEvent.Verified.class).get(0);
        assertThat(v.result().disposition()).isEqualTo(DownloadResult.Disposition.RENAMED);
        assertThat(Arrays.equals(Files.readAllBytes(v.result().path()), camerasBytes)).as("the camera's bytes, renamed")
                .isTrue();
        assertThat(Arrays.equals(Files.readAllBytes(target), other)).as("the other file is kept as it was").isTrue();
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).hasSize(1);
    }

    @Test
    void aCardFormattedAndRecordedAgainBetweenListingAndDownloadIsNeitherCreditedNorDeleted() {
        List<VirtualCameraHttpServer> cams = cameras(2, 1);
        OffloadQueue queue = queueAll(new TakeStore(media), cams);
        // Camera 0: a longer recording now has the name queued; camera 1: one of the same size, recorded later.
        SdCard longer = cams.get(0).sdCard();
        SdCard sameSize = cams.get(1).sdCard();
        Instant later = sameSize.files().get(0).created().plusSeconds(3700);
        for (SdCard card : List.of(longer, sameSize)) {
            card.format();
            card.record(later, new RecordingFacts("HERO12 Black", "H23.01.01.99.00", card.serial(),
                    java.time.LocalDateTime.ofInstant(later, java.time.ZoneOffset.UTC), Duration.ZERO),
                    card == longer ? 2 * FILE_BYTES : FILE_BYTES);
        }

        List<OffloadEvent> events = offload(queue, DELETE, TestRigs.direct(cams.get(0), HTTP), TestRigs.direct(cams.get(1), HTTP));

        assertThat(of(events, OffloadEvent.Verified.class)).isEmpty();
        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.Failed.class)).extracting(OffloadEvent::serial)
                .containsExactlyInAnyOrder(longer.serial(), sameSize.serial());
        assertThat(of(events, OffloadEvent.Failed.class)).filteredOn(e -> e.serial().equals(sameSize.serial()))
                .singleElement().satisfies(e -> assertThat(e.error()).isInstanceOf(MediaInfoMismatchException.class)
                        .hasMessageContaining("another recording has that name"));
        assertThat(longer.files()).hasSize(1);
        assertThat(sameSize.files()).hasSize(1);
        assertThat(new TakeStore(media).read(queue.manifest().takeId()).orElseThrow().pendingFiles()).isEqualTo(2);
    }

    @Test
    void withoutTheMediaInfoCheckARecordingThatReplacedTheOneQueuedIsStillNeverDeleted() {
        List<VirtualCameraHttpServer> cams = cameras(1, 1);
        SdCard card = cams.get(0).sdCard();
        OffloadQueue queue = queueAll(new TakeStore(media), cams);
        Instant later = card.files().get(0).created().plusSeconds(3700);
        card.format();
        card.record(later);

        List<OffloadEvent> events = offload(queue, DELETE.withCheckMediaInfo(false), TestRigs.direct(cams.get(0), HTTP));

        assertThat(of(events, OffloadEvent.DeletedFromCamera.class)).isEmpty();
        assertThat(of(events, OffloadEvent.KeptOnCamera.class)).singleElement().satisfies(k -> {
            assertThat(k.reason()).isEqualTo(OffloadEvent.KeptReason.FILE_CHANGED);
            assertThat(k.detail()).contains("another recording has that name");
        });
        assertThat(card.files()).hasSize(1);
    }
}
