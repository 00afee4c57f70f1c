package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Media downloads read into {@link DownloadBuffers#shared()} and give every buffer back, whole or cancelled. */
class DownloadBufferReuseTest {
    private static final byte[] BIG = TestCamera.content(8 * 1024 * 1024);
    private static final Duration VERIFY = Duration.ofSeconds(20);
    private static final DownloadBuffers SHARED = DownloadBuffers.shared();

    @TempDir
    Path dir;
    private TestCamera camera;
    private CameraHttpClient client;

    @BeforeEach
    void start() {
        camera = TestCamera.serve(r -> r
                .get("/videos/DCIM/100GOPRO/BIG.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(BIG.length))
                        .send(TestCamera.chunks(BIG, 64 * 1024)))
                .get("/gopro/camera/keep_alive", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just("{}"))));
        client = CameraHttpClient.create(camera.uri());
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    /** A release can trail the last signal by a task on the event loop: wait (bounded) for none left. */
    private static long outstandingAfterSettling() {
        Long left = Flux.interval(Duration.ofMillis(5))
                .map(i -> SHARED.outstanding())
                .filter(n -> n == 0)
                .take(Duration.ofSeconds(5))
                .blockFirst();
        return left == null ? SHARED.outstanding() : left;
    }

    @Test
    void aDownloadReadsIntoReusedBuffersAndGivesEveryOneBack() throws IOException {
        long before = SHARED.taken();
        Path target = dir.resolve("BIG.MP4");

        StepVerifier.create(client.download("100GOPRO", "BIG.MP4", BIG.length, target).last())
                .assertNext(p -> assertThat(p.complete()).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(BIG);
        assertThat(SHARED.taken() - before).as("full-size reads from the download allocator").isPositive();
        assertThat(outstandingAfterSettling()).as("buffers not given back").isZero();
        assertThat(SHARED.idle()).isLessThanOrEqualTo(DownloadBuffers.KEPT);
    }

    @Test
    void aCancelledDownloadGivesEveryBufferBack() {
        StepVerifier.create(client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve("BIG.MP4")))
                .expectNextMatches(p -> !p.complete())
                .thenCancel()
                .verify(VERIFY);

        assertThat(outstandingAfterSettling()).as("buffers not given back").isZero();
        assertThat(dir.resolve(".BIG.MP4.camrig-part")).exists();
    }

    @Test
    void eightDownloadsAtOnceGiveEveryBufferBackAndAnApiRequestUsesOtherBuffers() throws IOException {
        long before = SHARED.taken();
        StepVerifier.create(client.keepAlive()).expectComplete().verify(VERIFY);
        assertThat(SHARED.taken()).as("an API request reads with Reactor Netty's default allocator").isEqualTo(before);

        StepVerifier.create(Flux.range(0, 8)
                        .flatMap(i -> client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve(i + ".MP4")).last(), 8)
                        .filter(DownloadProgress::complete)
                        .count())
                .expectNext(8L)
                .expectComplete()
                .verify(VERIFY);

        for (int i = 0; i < 8; i++) {
            assertThat(Files.readAllBytes(dir.resolve(i + ".MP4"))).isEqualTo(BIG);
        }
        assertThat(outstandingAfterSettling()).isZero();
        assertThat(SHARED.idle()).isLessThanOrEqualTo(DownloadBuffers.KEPT);
    }
}
