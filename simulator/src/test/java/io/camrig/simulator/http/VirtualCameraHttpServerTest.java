package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpOptions;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTransportException;
import io.camrig.http.model.MediaFile;
import io.camrig.simulator.media.SdCard;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

class VirtualCameraHttpServerTest {
    private static final String SERIAL = "C3501324500042";
    private static final int SIZE = 4 * 1024 * 1024;
    private static final Instant T0 = Instant.ofEpochSecond(1_696_000_000L);
    private static final Duration VERIFY = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final Map<Integer, Object> statuses = new ConcurrentHashMap<>(Map.of(8, 0, 10, 0));
    private SdCard card;
    private VirtualCameraHttpServer server;
    private CameraHttpClient client;

    @BeforeEach
    void start() {
        card = new SdCard(SERIAL, 42, SIZE);
        server = VirtualCameraHttpServer.start(card, () -> Map.copyOf(statuses), () -> Map.of(2, 9))
                .block(VERIFY);
        client = CameraHttpClient.create(server.baseUri());
    }

    @AfterEach
    void stop() {
        server.close();
        server.onDispose().block(VERIFY);
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.baseUri().getPort()).isPositive();
        assertThat(server.sdCard()).isSameAs(card);
    }

    @Test
    void closingDropsOpenConnectionsMidDownload() throws IOException {
        // Large enough that socket buffers cannot hold it: the transfer is still running at close.
        int big = 64 * 1024 * 1024;
        SdCard bigCard = new SdCard(SERIAL, 42, big);
        bigCard.record(T0);
        VirtualCameraHttpServer other = VirtualCameraHttpServer.start(bigCard).block(VERIFY);
        CameraHttpClient otherClient = new CameraHttpClient(other.baseUri(),
                HttpOptions.defaults().withDownloadResumes(0));

        StepVerifier.create(otherClient.download("100GOPRO", "GX010001.MP4", big, dir.resolve("big.mp4")), 1)
                .expectNextMatches(p -> !p.complete())
                .then(() -> {
                    // The client asks for nothing more until the server is fully closed.
                    other.close();
                    other.onDispose().block(VERIFY);
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class)
                        .hasMessageContaining("closed before the response was complete"))
                .verify(VERIFY);
        // Only the resumable partial file is left, under its known name.
        assertThat(filesInDir()).containsExactly(dir.resolve(".big.mp4.camrig-part"));
    }

    @Test
    void anEmptyCardListsNothing() {
        StepVerifier.create(client.mediaList())
                .assertNext(list -> {
                    assertThat(list.isEmpty()).isTrue();
                    assertThat(list.id()).isEqualTo(card.mediaListId());
                })
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    void theListShowsEveryRecordingAsTheCameraWould() {
        card.record(T0);
        card.record(T0.plusSeconds(60));

        StepVerifier.create(client.mediaList())
                .assertNext(list -> {
                    assertThat(list.files()).containsExactly(
                            new MediaFile("100GOPRO", "GX010001.MP4", SIZE, T0, T0, SIZE / 16),
                            new MediaFile("100GOPRO", "GX010002.MP4", SIZE, T0.plusSeconds(60), T0.plusSeconds(60),
                                    SIZE / 16));
                    assertThat(list.newest()).get().extracting(MediaFile::name).isEqualTo("GX010002.MP4");
                })
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    void aDownloadIsByteIdenticalToTheCardsContent() throws IOException {
        card.record(T0);
        MediaFile newest = client.mediaList().block(VERIFY).newest().orElseThrow();

        Path target = dir.resolve("100GOPRO").resolve("GX010001.MP4");
        StepVerifier.create(client.download(newest, dir))
                .thenConsumeWhile(p -> !p.complete(), p -> assertThat(target).doesNotExist())
                .assertNext(p -> assertThat(p.result().path()).isEqualTo(target))
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(card.expectedBytes(card.files().get(0)));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void aRangeRequestReturnsThatSlice() {
        card.record(T0);
        byte[] all = card.expectedBytes(card.files().get(0));
        HttpClient raw = HttpClient.create().baseUrl(server.baseUri().toString());
        String path = "/videos/DCIM/100GOPRO/GX010001.MP4";

        StepVerifier.create(raw.headers(h -> h.set(HttpHeaderNames.RANGE, "bytes=100000-299999")).get().uri(path)
                        .responseSingle((res, body) -> body.asByteArray().map(bytes -> {
                            assertThat(res.status().code()).isEqualTo(206);
                            assertThat(res.responseHeaders().get(HttpHeaderNames.CONTENT_RANGE))
                                    .isEqualTo("bytes 100000-299999/" + SIZE);
                            assertThat(res.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("200000");
                            return bytes;
                        })))
                .assertNext(bytes -> assertThat(bytes).isEqualTo(Arrays.copyOfRange(all, 100_000, 300_000)))
                .expectComplete()
                .verify(VERIFY);

        StepVerifier.create(raw.headers(h -> h.set(HttpHeaderNames.RANGE, "bytes=" + (SIZE - 10) + "-"))
                        .get().uri(path).responseSingle((res, body) -> body.asByteArray()))
                .assertNext(bytes -> assertThat(bytes).isEqualTo(Arrays.copyOfRange(all, SIZE - 10, SIZE)))
                .expectComplete()
                .verify(VERIFY);

        StepVerifier.create(raw.headers(h -> h.set(HttpHeaderNames.RANGE, "bytes=" + SIZE + "-"))
                        .get().uri(path).response())
                .assertNext(res -> {
                    assertThat(res.status().code()).isEqualTo(416);
                    assertThat(res.responseHeaders().get(HttpHeaderNames.CONTENT_RANGE)).isEqualTo("bytes */" + SIZE);
                })
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    void anUnknownFileIs404AndLeavesNoFile() throws IOException {
        card.record(T0);

        StepVerifier.create(client.download("100GOPRO", "GX010099.MP4", SIZE, dir.resolve("GX010099.MP4")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HttpStatusException.class,
                        s -> assertThat(s.status()).isEqualTo(404)))
                .verify(VERIFY);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void stateReadsTheSharedStatusesOnEveryRequest() {
        StepVerifier.create(client.state())
                .assertNext(s -> {
                    assertThat(s.status(10)).hasValue(0);
                    assertThat(s.setting(2)).hasValue(9);
                })
                .expectComplete()
                .verify(VERIFY);

        statuses.put(10, 1);

        StepVerifier.create(client.state())
                .assertNext(s -> assertThat(s.encoding()).isTrue())
                .expectComplete()
                .verify(VERIFY);
    }

    @Test
    void keepAliveIsAcknowledged() {
        StepVerifier.create(client.keepAlive()).expectComplete().verify(VERIFY);
    }

    @Test
    void aForcedBusyStatusIsSeenAsTransient() {
        server.faults(HttpFaults.NONE.withForcedStatus(503));

        StepVerifier.create(client.mediaList())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HttpTransportException.class,
                        t -> assertThat(t.status()).hasValue(503)))
                .verify(VERIFY);

        server.faults(HttpFaults.NONE);
        StepVerifier.create(client.keepAlive()).expectComplete().verify(VERIFY);
    }

    @Test
    void aCutDownloadFailsTransientlyAndKeepsOnlyItsResumablePartialFile() throws IOException {
        card.record(T0);
        server.faults(HttpFaults.NONE.withCutAfterBytes(300_000));
        CameraHttpClient once = new CameraHttpClient(server.baseUri(), HttpOptions.defaults().withDownloadResumes(0));

        StepVerifier.create(once.download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("GX010001.MP4")))
                .thenConsumeWhile(p -> !p.complete())
                .expectError(HttpTransportException.class)
                .verify(VERIFY);

        Path part = dir.resolve(".GX010001.MP4.camrig-part");
        assertThat(filesInDir()).containsExactly(part);
        assertThat(Files.size(part)).isEqualTo(300_000);
    }

    @Test
    void aStalledDownloadHoldsMidFileUntilReleasedThenEndsByteIdentical() throws IOException {
        card.record(T0);
        long stall = 1_000_000;
        server.faults(HttpFaults.NONE.withStallAfterBytes(stall));
        Path target = dir.resolve("GX010001.MP4");
        Path part = dir.resolve(".GX010001.MP4.camrig-part");

        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, target))
                // Progress comes every 64 KiB: the last one before the stall point is at least this far.
                .thenConsumeWhile(p -> p.bytesDone() < stall - 65_536,
                        p -> assertThat(p.bytesDone()).isLessThanOrEqualTo(stall))
                .then(() -> {
                    server.stalled().block(VERIFY);
                    try {
                        assertThat(Files.size(part)).as("nothing past the stall point while it holds")
                                .isBetween(stall - 65_536, stall);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    server.releaseStalls();
                })
                .thenConsumeWhile(p -> !p.complete())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(card.expectedBytes(card.files().get(0)));
        assertThat(filesInDir()).containsExactly(target);
        assertThat(server.downloadStarts()).as("one request, from byte 0").containsExactly(0L);
    }

    @Test
    void settingOtherFaultsReleasesAStalledDownload() {
        card.record(T0);
        server.faults(HttpFaults.NONE.withStallAfterBytes(0));
        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("GX010001.MP4")).last())
                .then(() -> {
                    server.stalled().block(VERIFY);
                    server.faults(HttpFaults.NONE);
                })
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);
        StepVerifier.create(server.stalled()).expectSubscription().expectNoEvent(Duration.ZERO).thenCancel().verify();
    }

    @Test
    void aDownloadInterruptedFiveTimesEndsByteIdentical() throws IOException {
        card.record(T0);
        server.faults(HttpFaults.NONE.withCutDownloads(5, 700_000));
        CameraHttpClient resuming = new CameraHttpClient(server.baseUri(),
                HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1)));
        Path target = dir.resolve("GX010001.MP4");

        StepVerifier.create(resuming.download("100GOPRO", "GX010001.MP4", SIZE, target).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(card.expectedBytes(card.files().get(0)));
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void aDelayLongerThanTheClientsTimeoutTimesOut() {
        server.faults(HttpFaults.NONE.withResponseDelay(Duration.ofSeconds(30)));
        CameraHttpClient impatient = new CameraHttpClient(server.baseUri(),
                HttpOptions.defaults().withResponseTimeout(Duration.ofMillis(300)));

        StepVerifier.create(impatient.keepAlive())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class)
                        .hasMessageContaining("no response data"))
                .verify(VERIFY);
    }
}
