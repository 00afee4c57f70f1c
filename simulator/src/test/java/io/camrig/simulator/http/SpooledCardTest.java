package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

/** A card spooled to real files is served from them (sendfile) with the same bytes, ranges and faults. */
class SpooledCardTest {
    private static final int SIZE = 3 * 1024 * 1024 + 17;
    private static final Instant T0 = Instant.ofEpochSecond(1_696_000_000L);
    private static final Duration VERIFY = Duration.ofSeconds(20);

    @TempDir
    Path spool;
    @TempDir
    Path downloads;
    private VirtualCameraHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            server.onDispose().block(VERIFY);
        }
    }

    private SdCard spooledCard(String serial) {
        SdCard card = new SdCard(serial, 42, SIZE);
        card.record(T0);
        card.spoolTo(spool);
        server = VirtualCameraHttpServer.start(card).block(VERIFY);
        return card;
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aSpooledFileHoldsTheCardsBytesAndIsDownloadedIdenticallyEvenWhenCutFiveTimes() throws IOException {
        SdCard card = spooledCard("C3501324500042");
        SdCardFile file = card.files().get(0);
        byte[] expected = card.expectedBytes(file);
        assertThat(Files.readAllBytes(card.contentFile(file).orElseThrow())).isEqualTo(expected);

        server.faults(HttpFaults.NONE.withCutDownloads(5, 700_000));
        CameraHttpClient client = new CameraHttpClient(server.baseUri(),
                HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1)));
        Path target = downloads.resolve("GX010001.MP4");
        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, target).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);
        assertThat(Files.readAllBytes(target)).isEqualTo(expected);
    }

    @Test
    void aRangeOfASpooledFileIsThatSlice() {
        SdCard card = spooledCard("C3501324500042");
        byte[] all = card.expectedBytes(card.files().get(0));
        HttpClient raw = HttpClient.create().baseUrl(server.baseUri().toString());

        StepVerifier.create(raw.headers(h -> h.set(HttpHeaderNames.RANGE, "bytes=1000-2000999"))
                        .get().uri("/videos/DCIM/100GOPRO/GX010001.MP4")
                        .responseSingle((res, body) -> body.asByteArray().map(bytes -> {
                            assertThat(res.status().code()).isEqualTo(206);
                            assertThat(res.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("2000000");
                            return bytes;
                        })))
                .assertNext(bytes -> assertThat(bytes).isEqualTo(Arrays.copyOfRange(all, 1000, 2_001_000)))
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    void aCameraWhoseSerialIsAPathSpoolsInsideTheDirectoryAndDeletingTheFileDeletesItsCopy() throws IOException {
        SdCard card = spooledCard("../x");
        SdCardFile file = card.files().get(0);
        Path copy = card.contentFile(file).orElseThrow();
        assertThat(copy.normalize()).startsWith(spool.toAbsolutePath().normalize());
        assertThat(filesUnder(spool)).isEqualTo(1);

        SdCardFile second = card.record(T0.plusSeconds(60));
        assertThat(card.contentFile(second)).isPresent();
        assertThat(card.delete(file.directory(), file.name())).isTrue();
        assertThat(copy).doesNotExist();
        assertThat(card.contentFile(file)).isEmpty();
        card.deleteAll();
        assertThat(filesUnder(spool)).isZero();

        StepVerifier.create(HttpClient.create().baseUrl(server.baseUri().toString())
                        .get().uri("/videos/DCIM/100GOPRO/GX010001.MP4").response())
                .assertNext(res -> assertThat(res.status().code()).isEqualTo(404))
                .expectComplete()
                .verify(VERIFY);
    }
}
