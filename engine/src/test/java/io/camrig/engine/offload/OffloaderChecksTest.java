package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.Companion;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The checks and companions around each file of an offload: media info, LRV, THM. */
class OffloaderChecksTest {
    private static final int FILE_BYTES = 256 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;

    private VirtualCameraHttpServer camera() {
        rig = rigs.start(1, 7, FILE_BYTES, 1);
        return rig.cameras().get(0);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Offloads what the camera's media list holds, as a user's offload of its card does. */
    private TakeManifest offload(VirtualCameraHttpServer c, OffloadOptions options, List<OffloadEvent> events) {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        String serial = c.sdCard().serial();
        queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
        OffloadCamera camera = OffloadCamera.of(serial, serial, new CameraHttpClient(c.baseUri(), HttpOptions.defaults()),
                OffloadCamera.Link.COHN);
        events.addAll(new Offloader(queue, options, Optional.empty())
                .camera(camera, client -> client.mediaList().map(l -> l.files())).collectList().block(WAIT));
        return store.read(queue.manifest().takeId()).orElseThrow();
    }

    @Test
    void aCameraWhoseTransferIsCutShortFailsTheFileOnItsMediaInfoWithATypedError() {
        VirtualCameraHttpServer c = camera();
        SdCardFile video = c.sdCard().files().get(0);
        // The listing and the transfer say 4 KiB less than the camera recorded; its media info does not.
        c.sdCard().faults().truncate(video.directory(), video.name(), video.size() - 4096);
        List<OffloadEvent> events = new java.util.ArrayList<>();

        TakeManifest m = offload(c, OffloadOptions.defaults(), events);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement()
                .satisfies(e -> assertThat(((OffloadEvent.Failed) e).error())
                        .isInstanceOf(MediaInfoMismatchException.class)
                        .hasMessageContaining(video.size() + " bytes but " + (video.size() - 4096) + " were received"));
        assertThat(events).noneMatch(e -> e instanceof OffloadEvent.Verified);
        TakeFile f = m.camera(c.sdCard().serial()).orElseThrow().file(video.directory(), video.name()).orElseThrow();
        assertThat(f.state()).isEqualTo(TakeFile.State.FAILED);
        assertThat(f.error()).startsWith("MediaInfoMismatchException");
        assertThat(f.sha256()).isNull();
        assertThat(m.pendingFiles()).isEqualTo(1);
    }

    @Test
    void withoutTheCheckTheCutFileWouldHaveBeenVerified() {
        VirtualCameraHttpServer c = camera();
        SdCardFile video = c.sdCard().files().get(0);
        c.sdCard().faults().truncate(video.directory(), video.name(), video.size() - 4096);
        List<OffloadEvent> events = new java.util.ArrayList<>();

        TakeManifest m = offload(c, OffloadOptions.defaults().withCheckMediaInfo(false), events);

        assertThat(m.pendingFiles()).isZero();
    }

    @Test
    void lowResolutionVideoAndThumbnailLandBesideTheVideoVerifiedInTheManifest() throws Exception {
        VirtualCameraHttpServer c = camera();
        SdCard card = c.sdCard();
        SdCardFile video = card.files().get(0);
        SdCardFile lrv = card.videos().lowResolution(video).orElseThrow();
        String thm = video.name().replace(".MP4", ".THM");
        List<OffloadEvent> events = new java.util.ArrayList<>();

        TakeManifest m = offload(c, OffloadOptions.defaults().withCompanions(EnumSet.allOf(Companion.class)), events);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(3);
        TakeCamera cam = m.camera(card.serial()).orElseThrow();
        assertThat(cam.files()).extracting(TakeFile::name).containsExactly(video.name(), lrv.name(), thm);
        TakeFile low = cam.file(video.directory(), lrv.name()).orElseThrow();
        assertThat(low.verified()).isTrue();
        assertThat(low.companionOf()).isEqualTo(video.name());
        assertThat(low.size()).isEqualTo(lrv.size());
        assertThat(low.sha256()).isEqualTo(sha256(card.expectedBytes(lrv)));
        assertThat(low.path()).isEqualTo(card.serial() + "/" + video.directory() + "/" + lrv.name());
        TakeFile thumb = cam.file(video.directory(), thm).orElseThrow();
        byte[] thumbBytes = ("THMB " + video.directory() + "/" + video.name()).getBytes(StandardCharsets.US_ASCII);
        assertThat(thumb.verified()).isTrue();
        assertThat(thumb.companionOf()).isEqualTo(video.name());
        assertThat(thumb.size()).isEqualTo(thumbBytes.length);
        assertThat(thumb.sha256()).isEqualTo(sha256(thumbBytes));
        assertThat(media.resolve(m.takeId()).resolve(thumb.path())).hasBinaryContent(thumbBytes);
        // verified like the rest: takes verify re-hashes the companions too
        assertThat(new TakeStore(media).verify(m)).hasSize(3)
                .extracting(TakeStore.FileCheck::result).containsOnly(TakeStore.FileCheck.Result.OK);
    }

    @Test
    void aThumbnailNeverReplacesAnotherFileAtItsNameAndLeavesNoTemporaryFile() throws Exception {
        VirtualCameraHttpServer c = camera();
        SdCardFile video = c.sdCard().files().get(0);
        String serial = c.sdCard().serial();
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
        Path folder = media.resolve(queue.manifest().takeId()).resolve(serial).resolve(video.directory());
        Files.createDirectories(folder);
        Path thm = folder.resolve(video.name().replace(".MP4", ".THM"));
        Files.writeString(thm, "someone else's file");
        OffloadCamera camera = OffloadCamera.of(serial, serial, new CameraHttpClient(c.baseUri(), HttpOptions.defaults()),
                OffloadCamera.Link.COHN);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults().withCompanions(EnumSet.of(Companion.THM)),
                Optional.empty()).camera(camera, client -> client.mediaList().map(l -> l.files())).collectList().block(WAIT);

        assertThat(thm).hasContent("someone else's file");
        byte[] thumbBytes = ("THMB " + video.directory() + "/" + video.name()).getBytes(StandardCharsets.US_ASCII);
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified v && v.file().name().endsWith(".THM"))
                .singleElement().satisfies(e -> assertThat(((OffloadEvent.Verified) e).result().path())
                        .hasFileName(video.name().replace(".MP4", "~1.THM")).hasBinaryContent(thumbBytes));
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void companionsAreNotFetchedUnlessAskedFor() {
        VirtualCameraHttpServer c = camera();
        List<OffloadEvent> events = new java.util.ArrayList<>();

        TakeManifest m = offload(c, OffloadOptions.defaults(), events);

        assertThat(m.camera(c.sdCard().serial()).orElseThrow().files()).singleElement()
                .satisfies(f -> assertThat(f.name()).endsWith(".MP4"));
    }

    @Test
    void aMediaInfoCreationTimeATimeZoneAwayFromTheListsIsTheSameRecordingAsRealCamerasGiveThem() {
        // The official SDK's vectors from real cameras: the same video (4 489 890 bytes) and photo
        // (3 645 396 bytes) as the media list and as the media info give them.
        assertThat(FileChecks.sameCreation(1659744181L, 1659769382L)).as("7 h 0 min 1 s apart").isTrue();
        assertThat(FileChecks.sameCreation(1648787121L, 1648787120L)).as("1 s apart").isTrue();
        assertThat(FileChecks.sameCreation(1659744181L, 0)).as("not given").isTrue();
        // another recording under that name: minutes apart, or more than any time zone
        assertThat(FileChecks.sameCreation(1659744181L, 1659744181L + 3700)).isFalse();
        assertThat(FileChecks.sameCreation(1659744181L, 1659744181L + 60)).isFalse();
        assertThat(FileChecks.sameCreation(1659744181L, 1659744181L + 15 * 3600)).isFalse();
    }
}
