package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.media.SdCardFile;
import io.camrig.simulator.media.SdCardGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst's photos (a group's members, whose sizes the media list does not give) are offloaded
 * one by one like files: verified byte-identical, resumed, failed alone, deleted after verify.
 */
class GroupMemberOffloadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int FILE_BYTES = 128 * 1024;
    private static final HttpOptions SMALL_STEPS = HttpOptions.defaults().withProgressStepBytes(64 * 1024)
            .withResumeBackoff(Duration.ofMillis(1));
    private static final Instant SHOT = Instant.parse("2025-01-02T10:00:00Z");

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();

    private VirtualCameraHttpServer camera(int members, int memberBytes) {
        VirtualCameraHttpServer cam = rigs.start(1, 11, FILE_BYTES, 1).cameras().get(0);
        cam.sdCard().addGroup(members, memberBytes, SHOT);
        return cam;
    }

    /** A take queueing the card's file and every group member, as {@code camrig offload --card} does. */
    private OffloadQueue queueCard(VirtualCameraHttpServer cam) {
        return TestRigs.cardTake(media, cam, java.util.Set.of(), true);
    }

    private static List<OffloadEvent> offload(OffloadQueue queue, OffloadOptions options, VirtualCameraHttpServer cam) {
        return TestRigs.offload(queue, options, cam, SMALL_STEPS);
    }

    private Path landed(TakeManifest m, String serial, SdCardFile f) {
        return media.resolve(m.takeId()).resolve(serial).resolve(f.directory()).resolve(f.name());
    }

    @Test
    void everyMemberLandsVerifiedByteIdenticalWithTheSizeReceived() throws Exception {
        VirtualCameraHttpServer cam = camera(5, 70_000);
        SdCardGroup burst = cam.sdCard().groups().all().get(0);
        OffloadQueue queue = queueCard(cam);
        String serial = cam.sdCard().serial();
        assertThat(queue.pending(serial)).hasSize(6).filteredOn(f -> f.group() != null)
                .allSatisfy(f -> assertThat(f.size()).isEqualTo(TakeFile.SIZE_NOT_LISTED));

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults(), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(6);
        TakeManifest onDisk = new TakeStore(media).read(queue.manifest().takeId()).orElseThrow();
        TakeCamera c = onDisk.camera(serial).orElseThrow();
        for (SdCardFile m : burst.members()) {
            TakeFile tf = c.file(m.directory(), m.name()).orElseThrow();
            assertThat(tf.verified()).isTrue();
            assertThat(tf.size()).isEqualTo(70_000);
            assertThat(tf.group()).isEqualTo("G0010002.JPG");
            assertThat(tf.createdEpochSeconds()).isEqualTo(SHOT.getEpochSecond());
            assertThat(tf.sha256()).isEqualTo(TestRigs.sha256(cam.sdCard(), m));
            assertThat(Files.readAllBytes(landed(onDisk, serial, m))).isEqualTo(cam.sdCard().expectedBytes(m));
        }
        assertThat(onDisk.pendingFiles()).isZero();
        // takes verify re-hashes members like any file
        assertThat(new TakeStore(media).verify(onDisk)).hasSize(6).allSatisfy(r ->
                assertThat(r.result()).isEqualTo(TakeStore.FileCheck.Result.OK));
    }

    @Test
    void aMemberCancelledMidFileIsResumedWithRangeByTheNextRun() throws Exception {
        int memberBytes = 2 * 1024 * 1024;
        VirtualCameraHttpServer cam = camera(2, memberBytes);
        String serial = cam.sdCard().serial();
        SdCardFile second = cam.sdCard().groups().all().get(0).members().get(1);
        OffloadQueue queue = queueCard(cam);

        new Offloader(queue, OffloadOptions.defaults(), Optional.empty()).run(List.of(TestRigs.direct(cam, SMALL_STEPS)))
                .takeUntil(e -> e instanceof OffloadEvent.Progress p && p.file().name().equals(second.name())
                        && p.bytesDone() >= 3 * 64 * 1024)
                .blockLast(WAIT);
        String takeId = queue.manifest().takeId();
        Path part = media.resolve(takeId).resolve(serial).resolve(second.directory()).resolve("." + second.name() + ".camrig-part");
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(memberBytes);

        TakeStore store = new TakeStore(media);
        OffloadQueue reread = new OffloadQueue(store, store.read(takeId).orElseThrow());
        assertThat(reread.pending(serial)).extracting(TakeFile::name).containsExactly(second.name());
        List<OffloadEvent> events = offload(reread, OffloadOptions.defaults(), cam);

        List<OffloadEvent.Progress> progress = events.stream().filter(e -> e instanceof OffloadEvent.Progress)
                .map(e -> (OffloadEvent.Progress) e).toList();
        assertThat(progress).isNotEmpty().allSatisfy(p -> {
            assertThat(p.resumedFrom()).isGreaterThanOrEqualTo(kept);
            assertThat(p.total()).isEqualTo(memberBytes);
        });
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(1);
        TakeManifest onDisk = store.read(takeId).orElseThrow();
        assertThat(Files.readAllBytes(landed(onDisk, serial, second))).isEqualTo(cam.sdCard().expectedBytes(second));
        assertThat(part).doesNotExist();
    }

    @Test
    void aMemberTheCameraDoesNotServeFailsTypedWhileTheOthersLand() {
        VirtualCameraHttpServer cam = camera(4, 10_000);
        cam.sdCard().groups().change(1, g -> g.withUnserved(3));
        String serial = cam.sdCard().serial();
        OffloadQueue queue = queueCard(cam);

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults(), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement().satisfies(e -> {
            OffloadEvent.Failed f = (OffloadEvent.Failed) e;
            assertThat(f.file().name()).isEqualTo("G0010003.JPG");
            assertThat(f.error()).isInstanceOf(HttpStatusException.class);
        });
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(4);
        TakeFile failed = queue.manifest().camera(serial).orElseThrow().file("100GOPRO", "G0010003.JPG").orElseThrow();
        assertThat(failed.state()).isEqualTo(TakeFile.State.FAILED);
        assertThat(failed.size()).isEqualTo(TakeFile.SIZE_NOT_LISTED);
    }

    @Test
    void deleteAfterVerifyDeletesEachMemberWithTheChecksOfAFile() {
        VirtualCameraHttpServer cam = camera(3, 10_000);
        OffloadQueue queue = queueCard(cam);

        List<OffloadEvent> events = offload(queue, OffloadOptions.defaults().withDeleteAfterVerify(true), cam);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.DeletedFromCamera).hasSize(4);
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.KeptOnCamera).isEmpty();
        assertThat(cam.sdCard().groups().all()).isEmpty();
        assertThat(cam.sdCard().files()).isEmpty();
    }
}
