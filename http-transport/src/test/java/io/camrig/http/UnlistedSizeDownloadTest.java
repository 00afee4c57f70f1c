package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaFile;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * Downloads of a file whose size the media list does not give (a group member's, {@link
 * MediaFile#SIZE_NOT_LISTED}): the size comes from the response and is checked as a listed one.
 */
class UnlistedSizeDownloadTest {
    private static final int SIZE = 300_000;
    private static final byte[] CONTENT = TestCamera.content(SIZE);
    private static final Duration VERIFY = Duration.ofSeconds(20);
    private static final HttpOptions QUICK = HttpOptions.defaults().withResumeBackoff(Duration.ofMillis(1));
    private static final String NAME = "G0017062.JPG";

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

    /** How the test camera answers. */
    private enum Mode { NORMAL, NO_LENGTH, WRONG_RANGE_TOTAL }

    private void serve(int cuts, int cutAfter, Mode mode) {
        AtomicInteger cut = new AtomicInteger(cuts);
        camera = TestCamera.serve(r -> r.get("/videos/DCIM/100GOPRO/" + NAME,
                (req, res) -> answer(req, res, cut.getAndDecrement() > 0 ? cutAfter : -1, mode)));
    }

    private Mono<Void> answer(HttpServerRequest req, HttpServerResponse res, int cutAfter, Mode mode) {
        String range = req.requestHeaders().get(HttpHeaderNames.RANGE);
        ranges.add(String.valueOf(range));
        int from = 0;
        if (range != null) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (from >= SIZE) {
                return res.status(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaderNames.CONTENT_RANGE, "bytes */" + SIZE).send().then();
            }
            int total = mode == Mode.WRONG_RANGE_TOTAL ? SIZE + 1 : SIZE;
            res.status(HttpResponseStatus.PARTIAL_CONTENT)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes " + from + "-" + (SIZE - 1) + "/" + total);
        }
        if (mode != Mode.NO_LENGTH) {
            res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE - from));
        }
        int end = cutAfter < 0 ? SIZE : Math.min(SIZE, from + cutAfter);
        Mono<Void> sent = res.send(TestCamera.chunks(Arrays.copyOfRange(CONTENT, from, end), 16_384)).then();
        return cutAfter < 0 ? sent : sent.then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
    }

    private CameraHttpClient client() {
        return new CameraHttpClient(camera.uri(), QUICK.withProgressStepBytes(50_000));
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path part(Path target) {
        return target.resolveSibling(DownloadOptions.partName(target.getFileName().toString()));
    }

    @Test
    void theSizeComesFromContentLengthAndTheFileLandsVerified() throws Exception {
        serve(0, 0, Mode.NORMAL);
        Path target = dir.resolve(NAME);

        List<DownloadProgress> seen = client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target)
                .collectList().block(VERIFY);

        DownloadProgress last = seen.get(seen.size() - 1);
        assertThat(last.complete()).isTrue();
        assertThat(last.result().bytes()).isEqualTo(SIZE);
        assertThat(last.result().sha256()).isEqualTo(sha256(CONTENT));
        assertThat(seen).allSatisfy(p -> assertThat(p.totalBytes()).isEqualTo(SIZE));
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    }

    @Test
    void aCutDownloadResumesWithRangeAndEndsByteIdentical() throws IOException {
        serve(2, 70_000, Mode.NORMAL);
        Path target = dir.resolve(NAME);

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete().verify(VERIFY);

        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(ranges).hasSize(3);
        assertThat(ranges.subList(1, 3)).allMatch(r -> r.matches("bytes=\\d+-") && !r.equals("bytes=0-"));
    }

    @Test
    void aPartialFileFromAnEarlierRunIsResumedAndItsRangeTotalBecomesTheSize() throws IOException {
        serve(0, 0, Mode.NORMAL);
        Path target = dir.resolve(NAME);
        Files.write(part(target), Arrays.copyOf(CONTENT, 123_456));

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target).last())
                .assertNext(p -> assertThat(p.result().bytes()).isEqualTo(SIZE))
                .expectComplete().verify(VERIFY);

        assertThat(ranges).containsExactly("bytes=123456-");
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    }

    @Test
    void aPartialFileHoldingEveryByteIsPlacedWhenTheCameraSaysNothingIsLeft() throws IOException {
        serve(0, 0, Mode.NORMAL);
        Path target = dir.resolve(NAME);
        Files.write(part(target), CONTENT);

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target).last())
                .assertNext(p -> assertThat(p.result().bytes()).isEqualTo(SIZE))
                .expectComplete().verify(VERIFY);

        assertThat(ranges).containsExactly("bytes=" + SIZE + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    }

    @Test
    void aPartialFileLongerThanTheCamerasFileFailsTypedAndIsDropped() throws IOException {
        serve(0, 0, Mode.NORMAL);
        Path target = dir.resolve(NAME);
        Files.write(part(target), Arrays.copyOf(CONTENT, SIZE + 10));

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target))
                .expectError(DownloadVerificationException.class).verify(VERIFY);

        assertThat(part(target)).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void aResponseWithoutContentLengthCannotBeCheckedAndFailsTyped() {
        serve(0, 0, Mode.NO_LENGTH);
        Path target = dir.resolve(NAME);

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DownloadVerificationException.class)
                        .hasMessageContaining("Content-Length"))
                .verify(VERIFY);
        assertThat(target).doesNotExist();
    }

    @Test
    void aResumeWhoseTotalDiffersFromTheSizeLearnedFailsTyped() {
        serve(1, 70_000, Mode.WRONG_RANGE_TOTAL);
        Path target = dir.resolve(NAME);

        StepVerifier.create(client().download("100GOPRO", NAME, MediaFile.SIZE_NOT_LISTED, target))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DownloadVerificationException.class)
                        .hasMessageContaining("Content-Range"))
                .verify(VERIFY);
        assertThat(target).doesNotExist();
    }
}
