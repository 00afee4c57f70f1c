package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.netty.buffer.PoolArenaMetric;
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

/** Media downloads read into the shared pool of {@link DownloadBuffers} and give every buffer back. */
class DownloadBuffersTest {
    private static final byte[] BIG = TestCamera.content(8 * 1024 * 1024);
    private static final Duration VERIFY = Duration.ofSeconds(20);

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

    private static long allocations() {
        long n = 0;
        for (PoolArenaMetric arena : DownloadBuffers.ALLOCATOR.metric().directArenas()) {
            n += arena.numAllocations();
        }
        return n;
    }

    /** Releases can trail the last signal by a task on the event loop: wait (bounded) for none left. */
    private static long activeAfterSettling() {
        Long left = Flux.interval(Duration.ofMillis(5))
                .map(i -> DownloadBuffers.activeBuffers())
                .filter(n -> n == 0)
                .take(Duration.ofSeconds(5))
                .defaultIfEmpty(DownloadBuffers.activeBuffers())
                .blockFirst();
        return left == null ? DownloadBuffers.activeBuffers() : left;
    }

    @Test
    void aDownloadReadsIntoThePoolAndReleasesEveryBuffer() throws IOException {
        long before = allocations();
        Path target = dir.resolve("BIG.MP4");

        StepVerifier.create(client.download("100GOPRO", "BIG.MP4", BIG.length, target).last())
                .assertNext(p -> assertThat(p.complete()).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(BIG);
        assertThat(allocations() - before).as("reads taken from the download pool").isPositive();
        assertThat(activeAfterSettling()).as("buffers of the pool still held").isZero();
    }

    @Test
    void aCancelledDownloadReleasesEveryBuffer() {
        StepVerifier.create(client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve("BIG.MP4")))
                .expectNextMatches(p -> !p.complete())
                .thenCancel()
                .verify(VERIFY);

        assertThat(activeAfterSettling()).as("buffers of the pool still held").isZero();
        assertThat(dir.resolve(".BIG.MP4.camrig-part")).exists();
    }

    @Test
    void eightDownloadsAtOnceHoldAFewChunksAndOtherRequestsStayOutOfThePool() {
        long before = allocations();
        StepVerifier.create(client.keepAlive())
                .expectComplete()
                .verify(VERIFY);
        assertThat(allocations()).as("an API request reads with Reactor Netty's default allocator").isEqualTo(before);

        StepVerifier.create(Flux.range(0, 8)
                        .flatMap(i -> client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve(i + ".MP4")).last(), 8)
                        .filter(DownloadProgress::complete)
                        .count())
                .expectNext(8L)
                .expectComplete()
                .verify(VERIFY);

        // per download: the read being written plus IN_FLIGHT waiting for the hash, at most
        // MAX_CHUNK_BYTES each, and a partly used chunk; never the whole 64 MiB that passed
        long bound = 8L * (HashingStage.IN_FLIGHT + 2) * HttpExchange.MAX_CHUNK_BYTES + 8L * DownloadBuffers.CHUNK_BYTES;
        assertThat(DownloadBuffers.heldBytes()).isLessThanOrEqualTo(bound);
        assertThat(activeAfterSettling()).isZero();
    }
}
