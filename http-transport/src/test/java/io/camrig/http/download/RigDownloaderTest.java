package io.camrig.http.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTransportException;
import io.camrig.http.TestCamera;
import io.camrig.http.model.MediaFile;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RigDownloaderTest {
    private static final int SIZE = 200_000;
    private static final Duration VERIFY = Duration.ofSeconds(20);
    private static final HttpOptions QUICK = HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1))
            .withDownloadResumes(1).withConnectTimeout(Duration.ofSeconds(2));

    @TempDir
    Path dir;
    private final List<TestCamera> cameras = new ArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();

    @AfterEach
    void stop() {
        cameras.forEach(TestCamera::close);
    }

    /** A camera with files GX010001..n.MP4; {@code missing} answers 404. */
    private CameraHttpClient camera(String name, int files, String missing) {
        TestCamera c = TestCamera.serve(r -> r
                .get("/gopro/media/turbo_transfer", (req, res) -> {
                    calls.add(name + " " + req.uri());
                    return res.sendString(Mono.just("{}"));
                })
                .get("/videos/DCIM/100GOPRO/{file}", (req, res) -> {
                    calls.add(name + " " + req.param("file"));
                    if (req.param("file").equals(missing)) {
                        return res.status(HttpResponseStatus.NOT_FOUND).send();
                    }
                    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                    return res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                            .send(TestCamera.chunks(TestCamera.content(SIZE), 8192).delayElements(Duration.ofMillis(1)))
                            .then()
                            .doFinally(s -> active.decrementAndGet());
                }));
        cameras.add(c);
        return new CameraHttpClient(c.uri(), QUICK);
    }

    private static List<MediaFile> files(int n) {
        List<MediaFile> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new MediaFile("100GOPRO", String.format("GX01%04d.MP4", i), SIZE, Instant.EPOCH, Instant.EPOCH));
        }
        return out;
    }

    @Test
    void downloadsEveryCameraWithBoundedParallelismAndTurboAroundEach() throws IOException {
        List<DownloadJob> jobs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            jobs.add(new DownloadJob("cam" + i, camera("cam" + i, 2, ""), files(2), dir.resolve("cam" + i)));
        }

        List<DownloadEvent> events = RigDownloader.run(jobs, 2, true).collectList().block(VERIFY);

        assertThat(events).filteredOn(DownloadEvent.Completed.class::isInstance).hasSize(8);
        assertThat(maxActive.get()).isBetween(1, 2);
        for (int i = 1; i <= 4; i++) {
            String cam = "cam" + i;
            List<String> mine = calls.stream().filter(c -> c.startsWith(cam + " ")).toList();
            assertThat(mine).containsExactly(cam + " /gopro/media/turbo_transfer?p=1", cam + " GX010001.MP4",
                    cam + " GX010002.MP4", cam + " /gopro/media/turbo_transfer?p=0");
            assertThat(dir.resolve(cam).resolve("100GOPRO").resolve("GX010002.MP4")).hasSize(SIZE);
        }
        assertThat(events).filteredOn(DownloadEvent.Turbo.class::isInstance).hasSize(8);
    }

    @Test
    void aMissingFileFailsAloneAndTheCamerasNextFileIsStillFetched() {
        CameraHttpClient c = camera("cam1", 3, "GX010002.MP4");

        List<DownloadEvent> events = RigDownloader.run(List.of(new DownloadJob("cam1", c, files(3), dir)), 4, false)
                .collectList().block(VERIFY);

        assertThat(events).filteredOn(DownloadEvent.Failed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((DownloadEvent.Failed) e).error()).isInstanceOf(HttpStatusException.class));
        assertThat(events).filteredOn(DownloadEvent.Completed.class::isInstance)
                .extracting(e -> ((DownloadEvent.Completed) e).file().name())
                .containsExactly("GX010001.MP4", "GX010003.MP4");
        assertThat(calls).noneMatch(s -> s.contains("turbo"));
    }

    @Test
    void aCameraThatIsGoneSkipsItsOtherFilesWhileTheOthersFinish() {
        URI gone;
        try (TestCamera closed = TestCamera.serve(r -> { })) {
            gone = closed.uri();
        }
        CameraHttpClient ok = camera("ok", 1, "");
        CameraHttpClient dead = new CameraHttpClient(gone, QUICK);

        List<DownloadEvent> events = RigDownloader.run(List.of(new DownloadJob("dead", dead, files(3), dir.resolve("d")),
                new DownloadJob("ok", ok, files(1), dir.resolve("o"))), 2, true).collectList().block(VERIFY);

        assertThat(events).filteredOn(e -> e.camera().equals("dead"))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TurboFailed", "Failed", "Skipped", "Skipped", "TurboFailed");
        assertThat(events).filteredOn(e -> e.camera().equals("dead") && e instanceof DownloadEvent.Failed)
                .singleElement().satisfies(e -> assertThat(((DownloadEvent.Failed) e).error())
                        .isInstanceOf(HttpTransportException.class));
        assertThat(events).filteredOn(e -> e.camera().equals("ok") && e instanceof DownloadEvent.Completed).hasSize(1);
    }

    @Test
    void cancellingSwitchesTurboOff() {
        CameraHttpClient c = camera("cam1", 5, "");

        StepVerifier.create(RigDownloader.run(List.of(new DownloadJob("cam1", c, files(5), dir)), 1, true))
                .expectNextMatches(e -> e instanceof DownloadEvent.Turbo t && t.on())
                .expectNextMatches(DownloadEvent.Progress.class::isInstance)
                .thenCancel()
                .verify(VERIFY);

        // The turbo-off request is sent on cancel; wait for it to land without sleeping.
        StepVerifier.create(Mono.fromCallable(() -> calls.contains("cam1 /gopro/media/turbo_transfer?p=0"))
                        .filter(Boolean::booleanValue).repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(20))))
                .expectNext(true).expectComplete().verify(VERIFY);
    }

    @Test
    void parallelismMustBePositive() {
        assertThatThrownBy(() -> RigDownloader.run(List.of(), 0, true)).isInstanceOf(IllegalArgumentException.class);
        StepVerifier.create(RigDownloader.run(List.of(), 1, true)).expectComplete().verify(VERIFY);
        assertThat(Files.exists(dir)).isTrue();
    }
}
