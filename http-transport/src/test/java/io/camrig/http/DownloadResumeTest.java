package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/** Downloads that resume with {@code Range} after interruptions, and what they refuse. */
class DownloadResumeTest {
    private static final int SIZE = 1_000_000;
    private static final byte[] CONTENT = TestCamera.content(SIZE);
    private static final Duration VERIFY = Duration.ofSeconds(20);
    private static final HttpOptions QUICK = HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1));

    @TempDir
    Path dir;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private TestCamera camera;

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
    }

    /**
     * Serves {@link #CONTENT}, honouring {@code Range: bytes=n-} when {@code honourRange}; the
     * first {@code cuts} responses send {@code cutAfter} body bytes, then drop the connection.
     */
    private void serve(int cuts, int cutAfter, boolean honourRange) {
        AtomicInteger cut = new AtomicInteger(cuts);
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/GX010001.MP4",
                (req, res) -> answer(req, res, cut.getAndDecrement() > 0 ? cutAfter : -1, honourRange)));
    }

    private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, int cutAfter, boolean honourRange) {
        String range = req.requestHeaders().get(HttpHeaderNames.RANGE);
        ranges.add(String.valueOf(range));
        int from = 0;
        if (range != null && honourRange) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            res.status(HttpResponseStatus.PARTIAL_CONTENT)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
        }
        res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE - from));
        int end = cutAfter < 0 ? SIZE : Math.min(SIZE, from + cutAfter);
        Mono<Void> sent = res.send(TestCamera.chunks(Arrays.copyOfRange(CONTENT, from, end), 16_384)).then();
        return cutAfter < 0 ? sent : sent.then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
    }

    /** Downloads GX010001.MP4 to {@code target}: it must complete with every byte of {@link #CONTENT}. */
    private static void downloadsWhole(CameraHttpClient client, Path target) throws IOException {
        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, target).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aDownloadInterruptedFiveTimesEndsByteIdentical() throws IOException {
        serve(5, 150_000, true);
        Path target = dir.resolve("GX010001.MP4");

        downloadsWhole(new CameraHttpClient(camera.uri(), QUICK), target);

        assertThat(filesInDir()).containsExactly(target);
        assertThat(ranges).hasSize(6);
        assertThat(ranges.get(0)).isEqualTo("null");
        for (int i = 1; i < 6; i++) {
            long from = Long.parseLong(ranges.get(i).replaceAll("\\D", ""));
            assertThat(from).as("resume %d starts where the bytes stopped", i).isPositive();
        }
        assertThat(ranges.subList(1, 6)).allMatch(r -> r.matches("bytes=\\d+-"));
    }

    @Test
    void progressNeverGoesBackwardsAcrossResumes() {
        serve(3, 200_000, true);
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK.withProgressStepBytes(50_000));

        List<DownloadProgress> seen = client.download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("a.mp4"))
                .collectList().block(VERIFY);

        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(a.bytesDone(), b.bytesDone()));
        assertThat(seen.get(seen.size() - 1).complete()).isTrue();
    }

    @Test
    void aCameraThatIgnoresRangeStartsOverAndStillEndsByteIdentical() throws IOException {
        serve(2, 300_000, false);

        downloadsWhole(new CameraHttpClient(camera.uri(), QUICK), dir.resolve("GX010001.MP4"));

        assertThat(ranges).containsExactly("null", "bytes=300000-", "bytes=300000-");
    }

    @Test
    void resumesWithoutProgressStopAfterTheConfiguredCount() throws IOException {
        serve(100, 0, true);
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK.withDownloadResumes(3));

        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("a.mp4")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class))
                .verify(VERIFY);

        assertThat(ranges).hasSize(4);     // the first request and 3 resumes
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aRangeAnswerThatDoesNotContinueIsAVerificationError() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/GX010001.MP4", (req, res) -> {
            if (calls.getAndIncrement() == 0) {
                return answer(req, res, 100_000, true);
            }
            return res.status(HttpResponseStatus.PARTIAL_CONTENT)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes 0-" + (SIZE - 1) + "/" + SIZE)
                    .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                    .send(TestCamera.chunks(CONTENT, 16_384)).then();
        }));
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK);

        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("a.mp4")))
                .thenConsumeWhile(p -> true)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DownloadVerificationException.class)
                        .hasMessageContaining("does not continue at byte"))
                .verify(VERIFY);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aPermanentErrorIsNotResumed() {
        AtomicInteger calls = new AtomicInteger();
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/GX010001.MP4", (req, res) -> {
            calls.incrementAndGet();
            return res.status(HttpResponseStatus.NOT_FOUND).send();
        }));

        StepVerifier.create(new CameraHttpClient(camera.uri(), QUICK)
                        .download("100GOPRO", "GX010001.MP4", SIZE, dir.resolve("a.mp4")))
                .expectError(HttpStatusException.class)
                .verify(VERIFY);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aCancelledDownloadIsResumedByTheNextOneWithRangeAndTheSameSha256() throws Exception {
        serve(0, 0, true);
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK.withProgressStepBytes(16_384));
        Path target = dir.resolve("GX010001.MP4");
        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, target))
                .expectNextMatches(p -> !p.complete())
                .thenCancel()
                .verify(VERIFY);
        long kept = Files.size(dir.resolve(".GX010001.MP4.camrig-part"));
        assertThat(kept).isPositive();

        DownloadResult result = client.download("100GOPRO", "GX010001.MP4", SIZE, target).last().block(VERIFY).result();

        assertThat(ranges).hasSize(2);
        assertThat(Long.parseLong(ranges.get(1).replaceAll("\\D", ""))).isEqualTo(kept);
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(result.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(CONTENT)));
        assertThat(filesInDir()).containsExactly(target);
    }
    @Test
    void a416ToAResumeFailsTypedAndDropsThePartSoTheNextDownloadStartsOver() throws IOException {
        // The camera's file is shorter than the partial one a run left: every resume gets 416.
        int shorter = 500_000;
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/GX010001.MP4", (req, res) -> {
            String range = req.requestHeaders().get(HttpHeaderNames.RANGE);
            ranges.add(String.valueOf(range));
            if (range != null) {
                return res.status(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaderNames.CONTENT_RANGE, "bytes */" + shorter).send();
            }
            return res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                    .send(TestCamera.chunks(CONTENT, 16_384)).then();
        }));
        Path part = dir.resolve(".GX010001.MP4.camrig-part");
        Files.write(part, Arrays.copyOf(CONTENT, 600_000));
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK);
        Path target = dir.resolve("GX010001.MP4");

        StepVerifier.create(client.download("100GOPRO", "GX010001.MP4", SIZE, target))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DownloadVerificationException.class,
                        v -> assertThat(v.actualBytes()).isEqualTo(shorter))
                        .hasMessageContaining("HTTP 416"))
                .verify(VERIFY);
        assertThat(filesInDir()).as("the part that no resume can continue is gone").isEmpty();

        downloadsWhole(client, target);
        assertThat(ranges).containsExactly("bytes=600000-", "null");
    }

    @Test
    void aPartialFileLongerThanTheCamerasFileIsStartedOverNotContinued() throws IOException {
        serve(0, 0, true);
        Path part = dir.resolve(".GX010001.MP4.camrig-part");
        byte[] junk = new byte[SIZE + 4096];
        Arrays.fill(junk, (byte) 0x5a);
        Files.write(part, junk);
        Path target = dir.resolve("GX010001.MP4");

        downloadsWhole(new CameraHttpClient(camera.uri(), QUICK), target);

        assertThat(ranges).containsExactly("null");
        assertThat(filesInDir()).containsExactly(target);
    }
    @Test
    void bytesPastTheContentLengthAreNeverPartOfTheFileNorOfTheNextAnswer() throws IOException {
        // The camera declares the listed size but floods on past it on the same connection.
        camera = TestCamera.serve(r -> r
                .get("/videos/DCIM/100GOPRO/GX010001.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(TestCamera.chunks(Arrays.copyOf(CONTENT, SIZE + 100_000), 16_384)).then())
                .get("/videos/DCIM/100GOPRO/GX010002.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(TestCamera.chunks(CONTENT, 16_384)).then()));
        CameraHttpClient client = new CameraHttpClient(camera.uri(), QUICK);

        for (String name : List.of("GX010001.MP4", "GX010002.MP4")) {
            StepVerifier.create(client.download("100GOPRO", name, SIZE, dir.resolve(name)).last())
                    .assertNext(p -> assertThat(p.complete()).isTrue())
                    .expectComplete()
                    .verify(VERIFY);
            assertThat(Files.readAllBytes(dir.resolve(name))).as(name).isEqualTo(CONTENT);
        }
        assertThat(filesInDir()).containsExactlyInAnyOrder(dir.resolve("GX010001.MP4"), dir.resolve("GX010002.MP4"));
    }
    @Test
    void aChunkedBodyWhoseConnectionDiesMidFileIsResumedNotDiscarded() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/GX010001.MP4", (req, res) -> {
            String range = req.requestHeaders().get(HttpHeaderNames.RANGE);
            ranges.add(String.valueOf(range));
            if (calls.getAndIncrement() == 0) {     // no Content-Length: chunked, and the link dies 300 kB in
                return res.send(TestCamera.chunks(Arrays.copyOf(CONTENT, 300_000), 16_384)).then()
                        .then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            return res.status(HttpResponseStatus.PARTIAL_CONTENT)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE)
                    .send(TestCamera.chunks(Arrays.copyOfRange(CONTENT, from, SIZE), 16_384)).then();
        }));
        Path target = dir.resolve("GX010001.MP4");

        StepVerifier.create(new CameraHttpClient(camera.uri(), QUICK).download("100GOPRO", "GX010001.MP4", SIZE, target)
                        .last())
                .assertNext(p -> assertThat(p.complete()).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(1)).matches("bytes=\\d+-").isNotEqualTo("bytes=0-");
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    }
}
