package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpTransportException;
import io.camrig.simulator.http.HttpFaults;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Offloads where one camera misbehaves: it drops away mid-file and returns, or lies and cuts every transfer. */
class HostileCameraOffloadTest {
    private static final int FILE_BYTES = 512 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A camera given up after its first cut: the run ends with it "gone". */
    private static final HttpOptions NO_RESUMES = HttpOptions.defaults().withDownloadResumes(0)
            .withProgressStepBytes(64 * 1024);

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;

    private List<VirtualCameraHttpServer> cameras(int n, int files) {
        rig = rigs.start(n, 5, FILE_BYTES, files);
        return rig.cameras();
    }

    private OffloadQueue queueCards(List<VirtualCameraHttpServer> cams) {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        for (VirtualCameraHttpServer c : cams) {
            queue.ensureCamera(TakeCamera.of(c.sdCard().serial(), c.sdCard().serial(), "HERO12 Black", ""));
        }
        return queue;
    }

    @Test
    void aCameraThatDropsAwayMidFileAndReturnsIsResumedFromItsPartAndNothingVerifiedIsFetchedAgain() throws Exception {
        VirtualCameraHttpServer cam = cameras(1, 3).get(0);
        SdCard card = cam.sdCard();
        OffloadQueue queue = queueCards(List.of(cam));
        String serial = card.serial();
        long cut = 200_000;

        // Once the first file is verified, the camera's link drops 200 kB into the next file.
        List<OffloadEvent> first = new Offloader(queue, OffloadOptions.defaults(), Optional.empty())
                .run(List.of(TestRigs.direct(cam, NO_RESUMES)), c -> client -> client.mediaList().map(l -> l.files()))
                .doOnNext(e -> {
                    if (e instanceof OffloadEvent.Verified) {
                        cam.faults(HttpFaults.NONE.withCutDownloads(1, cut));
                    }
                }).collectList().block(WAIT);

        assertThat(first).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(1);
        assertThat(first).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement()
                .satisfies(e -> assertThat(((OffloadEvent.Failed) e).error()).isInstanceOf(HttpTransportException.class));
        assertThat(first).filteredOn(e -> e instanceof OffloadEvent.CameraDone).singleElement()
                .satisfies(e -> assertThat(((OffloadEvent.CameraDone) e).remaining()).as("the third file waits").isEqualTo(2));
        SdCardFile second = card.files().get(1);
        Path dir = media.resolve(queue.manifest().takeId()).resolve(serial).resolve(second.directory());
        assertThat(dir.resolve("." + second.name() + ".camrig-part")).hasSize(cut);
        int before = cam.downloadStarts().size();

        // The camera is back; a new process reads the queue from the manifest on disk.
        cam.faults(HttpFaults.NONE);
        TakeStore store = new TakeStore(media);
        OffloadQueue reread = new OffloadQueue(store, store.read(queue.manifest().takeId()).orElseThrow());
        new Offloader(reread, OffloadOptions.defaults(), Optional.empty())
                .run(List.of(TestRigs.direct(cam, HttpOptions.defaults()))).collectList().block(WAIT);

        assertThat(cam.downloadStarts().subList(before, cam.downloadStarts().size()))
                .as("the second file resumed at its part, the third from 0, the first not again").containsExactly(cut, 0L);
        TakeManifest m = store.read(queue.manifest().takeId()).orElseThrow();
        for (SdCardFile f : card.files()) {
            TakeFile got = m.camera(serial).orElseThrow().file(f.directory(), f.name()).orElseThrow();
            assertThat(got.verified()).isTrue();
            assertThat(got.sha256()).isEqualTo(TestRigs.sha256(card, f));
            assertThat(dir.resolve(f.name())).hasBinaryContent(card.expectedBytes(f));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void oneHostileCameraOfEightNeverKeepsTheOtherSevenFromBeingVerified() throws Exception {
        List<VirtualCameraHttpServer> cams = cameras(8, 2);
        VirtualCameraHttpServer hostile = cams.get(5);
        // It lists names that are paths, and its link drops as each transfer starts (a cut that lets
        // each resume get further is no failure at all: the file completes).
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        hostile.sdCard().faults().listAlso(new SdCardFile("100GOPRO", "../../../escaped.MP4", 10, at));
        hostile.sdCard().faults().listAlso(new SdCardFile("..", "GX010001.MP4", 10, at));
        hostile.faults(HttpFaults.NONE.withCutAfterBytes(0));
        OffloadQueue queue = queueCards(cams);
        HttpOptions quick = HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1)).withDownloadResumes(2);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults().withMaxParallel(8), Optional.empty())
                .run(cams.stream().map(c -> TestRigs.direct(c, quick)).toList(),
                        c -> client -> client.mediaList().map(l -> l.files()))
                .collectList().block(WAIT);

        String bad = hostile.sdCard().serial();
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Failed).singleElement()
                .satisfies(e -> assertThat(e.serial()).isEqualTo(bad))
                .satisfies(e -> assertThat(((OffloadEvent.Failed) e).error()).isInstanceOf(HttpTransportException.class));
        TakeManifest m = new TakeStore(media).read(queue.manifest().takeId()).orElseThrow();
        for (VirtualCameraHttpServer c : cams) {
            TakeCamera got = m.camera(c.sdCard().serial()).orElseThrow();
            if (c == hostile) {
                assertThat(got.files()).as("only its real files are queued").hasSize(2).noneMatch(TakeFile::verified);
                continue;
            }
            assertThat(got.files()).hasSize(2);
            for (SdCardFile f : c.sdCard().files()) {
                TakeFile tf = got.file(f.directory(), f.name()).orElseThrow();
                assertThat(tf.verified()).isTrue();
                assertThat(tf.sha256()).isEqualTo(TestRigs.sha256(c.sdCard(), f));
            }
        }
        assertThat(media.getParent().resolve("escaped.MP4")).doesNotExist();
        try (Stream<Path> all = Files.walk(media)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(p -> assertThat(p.normalize()).startsWith(media.resolve(m.takeId())));
        }
    }
}
