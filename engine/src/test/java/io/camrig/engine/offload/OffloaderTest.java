package io.camrig.engine.offload;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.wifi.HostWifi;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Offloads of takes from simulated cameras over loopback HTTP. */
class OffloaderTest {
    private static final int FILE_BYTES = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpOptions SMALL_STEPS = HttpOptions.defaults().withProgressStepBytes(64 * 1024)
            .withResumeBackoff(Duration.ofMillis(1));

    @TempDir
    Path media;
    @RegisterExtension
    final TestRigs rigs = new TestRigs();
    private VirtualHttpRig rig;

    private List<VirtualCameraHttpServer> cameras(int n, int files) {
        return cameras(n, files, FILE_BYTES);
    }

    private List<VirtualCameraHttpServer> cameras(int n, int files, int fileBytes) {
        rig = rigs.start(n, 7, fileBytes, files);
        return rig.cameras();
    }

    /** A take that queues every file of every camera, as {@code camrig offload --card} does. */
    private OffloadQueue queueAll(List<VirtualCameraHttpServer> cams) {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        for (VirtualCameraHttpServer c : cams) {
            String serial = c.sdCard().serial();
            queue.ensureCamera(TakeCamera.of(serial, serial, "HERO12 Black", ""));
            queue.enqueue(serial, c.sdCard().files().stream().map(f -> new io.camrig.http.model.MediaFile(
                    f.directory(), f.name(), f.size(), f.created(), f.created())).toList());
        }
        return queue;
    }

    @Test
    void everyQueuedFileLandsUnderTakeSerialFolderWithItsSha256InTheManifest() throws Exception {
        List<VirtualCameraHttpServer> cams = cameras(3, 2);
        OffloadQueue queue = queueAll(cams);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults(), Optional.empty())
                .run(cams.stream().map(c -> TestRigs.direct(c, SMALL_STEPS)).toList()).collectList().block(WAIT);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(6);
        TakeManifest onDisk = new TakeStore(media).read(queue.manifest().takeId()).orElseThrow();
        for (VirtualCameraHttpServer c : cams) {
            String serial = c.sdCard().serial();
            TakeCamera cam = onDisk.camera(serial).orElseThrow();
            for (SdCardFile f : c.sdCard().files()) {
                TakeFile tf = cam.file(f.directory(), f.name()).orElseThrow();
                assertThat(tf.verified()).isTrue();
                assertThat(tf.sha256()).isEqualTo(TestRigs.sha256(c.sdCard(), f));
                assertThat(media.resolve(onDisk.takeId()).resolve(serial).resolve(f.directory()).resolve(f.name()))
                        .hasSize(f.size());
            }
        }
        assertThat(onDisk.pendingFiles()).isZero();
    }

    @Test
    void aCancelledOffloadRestartedByANewProcessResumesThePartialFileAndSkipsVerifiedOnes() throws Exception {
        // Files of 8 MiB: the socket's reads may run up to 4 read buffers ahead of the hash (and of
        // the progress the stop waits for), so a 1 MiB file could be whole on disk before the stop.
        int fileBytes = 8 * FILE_BYTES;
        List<VirtualCameraHttpServer> cams = cameras(1, 2, fileBytes);
        OffloadQueue queue = queueAll(cams);
        VirtualCameraHttpServer cam = cams.get(0);
        SdCardFile second = cam.sdCard().files().get(1);

        // First run: stop (as Ctrl-C does) once the second file is under way.
        new Offloader(queue, OffloadOptions.defaults(), Optional.empty()).run(List.of(TestRigs.direct(cam, SMALL_STEPS)))
                .takeUntil(e -> e instanceof OffloadEvent.Progress p && p.file().name().equals(second.name())
                        && p.bytesDone() >= 3 * 64 * 1024)
                .blockLast(WAIT);
        String takeId = queue.manifest().takeId();
        Path dir = media.resolve(takeId).resolve(cam.sdCard().serial()).resolve(second.directory());
        long kept = Files.size(dir.resolve("." + second.name() + ".camrig-part"));
        assertThat(kept).isPositive().isLessThan(fileBytes);

        // Second run, as a new process would: the queue is read back from the manifest on disk.
        TakeStore store = new TakeStore(media);
        OffloadQueue reread = new OffloadQueue(store, store.read(takeId).orElseThrow());
        assertThat(reread.pending(cam.sdCard().serial())).extracting(TakeFile::name).containsExactly(second.name());
        List<OffloadEvent> events = new Offloader(reread, OffloadOptions.defaults(), Optional.empty())
                .run(List.of(TestRigs.direct(cam, SMALL_STEPS))).collectList().block(WAIT);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.CameraStarted)
                .singleElement().satisfies(e -> {
                    assertThat(((OffloadEvent.CameraStarted) e).files()).isEqualTo(1);
                    assertThat(((OffloadEvent.CameraStarted) e).bytesOnDisk()).as("what the part held at the start")
                            .isGreaterThanOrEqualTo(kept).isLessThan(fileBytes);
                });
        // The first run's last reads may still land in the partial file after its cancel returned
        // (up to 4 read buffers in flight), so the second run resumes from at least what was seen.
        List<OffloadEvent.Progress> progress = events.stream().filter(e -> e instanceof OffloadEvent.Progress)
                .map(e -> (OffloadEvent.Progress) e).toList();
        assertThat(progress).isNotEmpty();
        long resumedFrom = progress.get(0).resumedFrom();
        assertThat(resumedFrom).isGreaterThanOrEqualTo(kept).isLessThan(fileBytes);
        assertThat(progress)
                .allSatisfy(e -> assertThat(e.bytesDone()).isGreaterThan(resumedFrom))
                // the bytes kept are not counted as fetched in this run (a rate or ETA would be inflated)
                .allSatisfy(e -> assertThat(e.resumedFrom()).isEqualTo(resumedFrom));
        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.Verified).hasSize(1);
        assertThat(Files.readAllBytes(dir.resolve(second.name())))
                .isEqualTo(cam.sdCard().expectedBytes(second));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".camrig-part"));
        }
        assertThat(store.read(takeId).orElseThrow().pendingFiles()).isZero();
    }

    @Test
    void aCameraThatAnswersWithAnotherSerialIsCreditedNothing() {
        List<VirtualCameraHttpServer> cams = cameras(2, 1);
        OffloadQueue queue = queueAll(cams);
        String first = cams.get(0).sdCard().serial();
        // Both "cameras" reached at the second one's address, as two cameras at 10.5.5.9 would be.
        OffloadCamera impostor = OffloadCamera.of(first, first, new CameraHttpClient(cams.get(1).baseUri(), SMALL_STEPS),
                OffloadCamera.Link.COHN);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults(), Optional.empty())
                .run(List.of(impostor)).collectList().block(WAIT);

        assertThat(events).singleElement().isInstanceOfSatisfying(OffloadEvent.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(WrongCameraException.class)
                        .hasMessageContaining(cams.get(1).sdCard().serial()));
        assertThat(media.resolve(queue.manifest().takeId()).resolve(first)).doesNotExist();
        assertThat(queue.pending(first)).hasSize(1);
    }

    @Test
    void apCamerasAreOffloadedOneAtATimeJoinFetchLeave() {
        List<VirtualCameraHttpServer> cams = cameras(3, 1);
        OffloadQueue queue = queueAll(cams);
        List<String> log = new CopyOnWriteArrayList<>();
        HostWifi wifi = new RecordingWifi(log);
        List<OffloadCamera> viaAp = cams.stream().map(c -> new OffloadCamera(c.sdCard().serial(), c.sdCard().serial(),
                new CameraHttpClient(c.baseUri(), SMALL_STEPS), OffloadCamera.Link.AP,
                Optional.of(new OffloadCamera.ApAccess("GP-" + c.sdCard().serial(), "secret-pw")))).toList();

        Flux<OffloadEvent> run = new Offloader(queue, OffloadOptions.defaults().withMaxParallel(8), Optional.of(wifi))
                .run(viaAp)
                .doOnNext(e -> {
                    if (e instanceof OffloadEvent.Verified v) {
                        log.add("verified " + v.serial());
                    }
                });
        StepVerifier.create(run.filter(e -> e instanceof OffloadEvent.Verified)).expectNextCount(3).expectComplete()
                .verify(WAIT);

        List<String> expected = cams.stream().map(c -> c.sdCard().serial())
                .flatMap(s -> Stream.of("join GP-" + s, "verified " + s, "leave GP-" + s)).toList();
        assertThat(log).containsExactlyElementsOf(expected);
    }

    @Test
    void deleteAfterVerifyRemovesOnlyVerifiedFilesFromTheCard() {
        List<VirtualCameraHttpServer> cams = cameras(1, 2);
        OffloadQueue queue = queueAll(cams);

        List<OffloadEvent> events = new Offloader(queue, OffloadOptions.defaults().withDeleteAfterVerify(true),
                Optional.empty()).run(List.of(TestRigs.direct(cams.get(0), SMALL_STEPS))).collectList().block(WAIT);

        assertThat(events).filteredOn(e -> e instanceof OffloadEvent.DeletedFromCamera).hasSize(2);
        assertThat(cams.get(0).sdCard().files()).isEmpty();
        assertThat(queue.manifest().pendingFiles()).isZero();
    }

    /** A host Wi-Fi that logs joins and leaves (it routes nothing; the cameras are on loopback). */
    private record RecordingWifi(List<String> log) implements HostWifi {
        @Override
        public Mono<List<WifiAccessPoint>> scan(Duration timeout) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<HostWifiLink> join(String ssid, String password, Duration timeout) {
            return Mono.fromCallable(() -> {
                log.add("join " + ssid);
                return (HostWifiLink) new TestLink(ssid, () -> log.add("leave " + ssid));
            });
        }

        @Override
        public Mono<Optional<String>> currentSsid() {
            return Mono.just(Optional.empty());
        }

        @Override
        public void close() {
        }
    }
}
