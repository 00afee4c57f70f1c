package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaFile;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.test.StepVerifier;

class CameraHttpClientDownloadTest {
    private static final int SIZE = 300_000;
    private static final byte[] CONTENT = TestCamera.content(SIZE);
    private static final byte[] BIG = TestCamera.content(4 * 1024 * 1024);
    private static final Duration VERIFY = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private TestCamera camera;
    private CameraHttpClient client;
    /** Never resumes: shows how a single failed request is typed. */
    private CameraHttpClient once;

    @BeforeEach
    void start() {
        camera = TestCamera.serve(r -> r
                .get("/videos/DCIM/100GOPRO/OK.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(TestCamera.chunks(CONTENT, 8192)))
                .get("/videos/DCIM/100GOPRO/BIG.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(BIG.length))
                        .send(TestCamera.chunks(BIG, 16384)))
                .get("/videos/DCIM/100GOPRO/CHUNKED.MP4", (req, res) -> res
                        .send(TestCamera.chunks(CONTENT, 8192)))
                .get("/videos/DCIM/100GOPRO/EMPTY.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, "0").send())
                .get("/videos/DCIM/100GOPRO/CUT.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(TestCamera.chunks(Arrays.copyOf(CONTENT, 100_000), 8192))
                        .then()
                        .then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose))))
                .get("/videos/DCIM/100GOPRO/STALL.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(TestCamera.chunks(Arrays.copyOf(CONTENT, 100_000), 8192).concatWith(Flux.never())))
                .get("/videos/DCIM/100GOPRO/DRIP.MP4", (req, res) -> res
                        .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(SIZE))
                        .send(Flux.interval(Duration.ofMillis(20)).take(SIZE)
                                .map(i -> io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {CONTENT[i.intValue()]}))))
                .get("/videos/DCIM/100GOPRO/BUSY.MP4", (req, res) -> res
                        .status(HttpResponseStatus.SERVICE_UNAVAILABLE).send()));
        client = CameraHttpClient.create(camera.uri());
        once = new CameraHttpClient(camera.uri(), HttpOptions.defaults().withDownloadResumes(0));
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void streamsToDiskWithThrottledProgressAndShowsTheFileOnlyWhenComplete() throws IOException {
        Path target = dir.resolve("OK.MP4");
        List<DownloadProgress> seen = new ArrayList<>();

        StepVerifier.create(client.download("100GOPRO", "OK.MP4", SIZE, target))
                .thenConsumeWhile(p -> !p.complete(), p -> {
                    assertThat(target).doesNotExist();
                    seen.add(p);
                })
                .assertNext(last -> {
                    assertThat(last.complete()).isTrue();
                    assertThat(last.bytesDone()).isEqualTo(SIZE);
                    assertThat(target).exists();
                })
                .expectComplete()
                .verify(VERIFY);

        // Network reads decide the chunk boundaries: assert the throttle, not exact offsets.
        assertThat(seen).hasSizeBetween(1, SIZE / 65_536);
        long previous = 0;
        for (DownloadProgress p : seen) {
            assertThat(p.totalBytes()).isEqualTo(SIZE);
            assertThat(p.bytesDone() - previous).isGreaterThanOrEqualTo(65_536);
            previous = p.bytesDone();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void theMediaFileOverloadUsesTheListedNameAndCreatesTheDirectory() throws IOException {
        MediaFile file = new MediaFile("100GOPRO", "BIG.MP4", BIG.length, Instant.EPOCH, Instant.EPOCH);
        Path targetDir = dir.resolve("cam1");

        StepVerifier.create(client.download(file, targetDir).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == BIG.length).isTrue())
                .expectComplete()
                .verify(VERIFY);

        assertThat(Files.readAllBytes(targetDir.resolve("100GOPRO").resolve("BIG.MP4"))).isEqualTo(BIG);
    }

    @Test
    void aChunkedBodyIsCountedAndVerified() throws IOException {
        StepVerifier.create(client.download("100GOPRO", "CHUNKED.MP4", SIZE, dir.resolve("a.mp4")).last())
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == SIZE).isTrue())
                .expectComplete()
                .verify(VERIFY);
        assertThat(Files.readAllBytes(dir.resolve("a.mp4"))).isEqualTo(CONTENT);

        StepVerifier.create(client.download("100GOPRO", "CHUNKED.MP4", SIZE + 1, dir.resolve("b.mp4")))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(DownloadVerificationException.class, v -> {
                            assertThat(v.expectedBytes()).isEqualTo(SIZE + 1);
                            assertThat(v.actualBytes()).isEqualTo(SIZE);
                            assertThat(v.isTransient()).isFalse();
                        })
                        .hasMessageContaining("received 300000 of the announced 300001 bytes"))
                .verify(VERIFY);

        StepVerifier.create(client.download("100GOPRO", "CHUNKED.MP4", SIZE - 1, dir.resolve("c.mp4")))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DownloadVerificationException.class)
                        .hasMessageContaining("more than the announced 299999 bytes"))
                .verify(VERIFY);

        assertThat(filesInDir()).containsExactly(dir.resolve("a.mp4"));
    }

    @Test
    void aContentLengthThatDiffersFromTheListFailsBeforeWriting() throws IOException {
        StepVerifier.create(client.download("100GOPRO", "OK.MP4", 1234, dir.resolve("OK.MP4")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(DownloadVerificationException.class, v -> {
                            assertThat(v.expectedBytes()).isEqualTo(1234);
                            assertThat(v.actualBytes()).isEqualTo(SIZE);
                            assertThat(v.operation()).contains("GET /videos/DCIM/100GOPRO/OK.MP4");
                            assertThat(v.camera()).contains(camera.uri().toString());
                        }))
                .verify(VERIFY);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aConnectionCutShortIsTransientAndKeepsOnlyTheResumablePart() throws IOException {
        StepVerifier.create(once.download("100GOPRO", "CUT.MP4", SIZE, dir.resolve("CUT.MP4")))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class)
                        .hasMessageContaining("closed before the response was complete"))
                .verify(VERIFY);
        Path part = dir.resolve(".CUT.MP4.camrig-part");
        assertThat(filesInDir()).containsExactly(part);
        assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(CONTENT, 100_000));
    }

    @Test
    void aStallTimesOutTransientlyAndKeepsOnlyTheResumablePart() throws IOException {
        CameraHttpClient impatient = new CameraHttpClient(camera.uri(),
                HttpOptions.defaults().withResponseTimeout(Duration.ofMillis(500)).withDownloadResumes(0));

        StepVerifier.create(impatient.download("100GOPRO", "STALL.MP4", SIZE, dir.resolve("STALL.MP4")))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(HttpTransportException.class)
                        .hasMessageContaining("no response data for 500 ms"))
                .verify(VERIFY);
        assertThat(filesInDir()).containsExactly(dir.resolve(".STALL.MP4.camrig-part"));
    }

    @Test
    void statusErrorsAreTypedAndLeaveAnExistingTargetUntouched() throws IOException {
        Path target = dir.resolve("GONE.MP4");
        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));

        StepVerifier.create(client.download("100GOPRO", "GONE.MP4", 10, target))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HttpStatusException.class,
                        s -> assertThat(s.status()).isEqualTo(404)))
                .verify(VERIFY);
        StepVerifier.create(once.download("100GOPRO", "BUSY.MP4", 10, target))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HttpTransportException.class,
                        t -> assertThat(t.status()).hasValue(503)))
                .verify(VERIFY);

        assertThat(filesInDir()).containsExactly(target);
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void aDifferentFileAtTheTargetIsNeverReplacedAndTheDownloadIsRenamed() throws IOException {
        Path target = dir.resolve("OK.MP4");
        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));

        DownloadResult result = client.download("100GOPRO", "OK.MP4", SIZE, target).last().block(VERIFY).result();

        assertThat(result.disposition()).isEqualTo(DownloadResult.Disposition.RENAMED);
        assertThat(result.path()).isEqualTo(dir.resolve("OK~1.MP4"));
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(Files.readAllBytes(result.path())).isEqualTo(CONTENT);
        assertThat(filesInDir()).containsExactlyInAnyOrder(target, result.path());
    }

    @Test
    void aSymlinkAtTheTargetIsNotFollowedNorReplaced() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
        Path target = Files.createSymbolicLink(dir.resolve("OK.MP4"), elsewhere);

        DownloadResult result = client.download("100GOPRO", "OK.MP4", SIZE, target).last().block(VERIFY).result();

        assertThat(result.disposition()).isEqualTo(DownloadResult.Disposition.RENAMED);
        assertThat(Files.isSymbolicLink(target)).isTrue();
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
    }

    @Test
    void theSameFileAtTheTargetIsKeptAsIdentical() throws IOException {
        Path target = dir.resolve("OK.MP4");
        Files.write(target, CONTENT);

        DownloadResult result = client.download("100GOPRO", "OK.MP4", SIZE, target).last().block(VERIFY).result();

        assertThat(result.disposition()).isEqualTo(DownloadResult.Disposition.IDENTICAL);
        assertThat(result.path()).isEqualTo(target);
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void theRefusePolicyFailsTypedAndKeepsTheOtherFile() throws IOException {
        Path target = dir.resolve("OK.MP4");
        Files.write(target, "old".getBytes(StandardCharsets.UTF_8));

        StepVerifier.create(client.download("100GOPRO", "OK.MP4", SIZE, target,
                        DownloadOptions.defaults().withExisting(ExistingFilePolicy.REFUSE)))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DownloadTargetExistsException.class,
                        x -> assertThat(x.target()).isEqualTo(target)))
                .verify(VERIFY);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void theSha256IsComputedWhileStreaming() throws Exception {
        DownloadResult result = client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve("BIG.MP4"))
                .last().block(VERIFY).result();

        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(BIG));
        assertThat(result.sha256()).isEqualTo(expected);
        assertThat(Sha256.of(result.path())).isEqualTo(expected);
    }

    @Test
    void mediaFollowTheUmaskLikeAnyNewFile() throws IOException {
        DownloadResult result = client.download("100GOPRO", "OK.MP4", SIZE, dir.resolve("OK.MP4"))
                .last().block(VERIFY).result();
        Path plain = Files.createFile(dir.resolve("plain"));

        assertThat(Files.getPosixFilePermissions(result.path())).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void cancellingKeepsThePartialFileUnderItsKnownName() throws IOException {
        StepVerifier.create(client.download("100GOPRO", "BIG.MP4", BIG.length, dir.resolve("BIG.MP4")))
                .expectNextMatches(p -> !p.complete())
                .thenCancel()
                .verify(VERIFY);

        Path part = dir.resolve(".BIG.MP4.camrig-part");
        assertThat(filesInDir()).containsExactly(part);
        byte[] kept = Files.readAllBytes(part);
        assertThat(kept).isEqualTo(Arrays.copyOf(BIG, kept.length));
    }

    @Test
    void anEmptyFileCompletesAtOnce() throws IOException {
        StepVerifier.create(client.download("100GOPRO", "EMPTY.MP4", 0, dir.resolve("EMPTY.MP4")))
                .assertNext(p -> assertThat(p.complete() && p.bytesDone() == 0).isTrue())
                .expectComplete()
                .verify(VERIFY);
        assertThat(Files.size(dir.resolve("EMPTY.MP4"))).isZero();
    }

    @Test
    void namesThatAreNotSinglePathSegmentsAreRejected() {
        assertThatThrownBy(() -> client.download("100GOPRO", "../escape.mp4", 1, dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.download("100GOPRO/..", "A.MP4", 1, dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
        // -1 is MediaFile.SIZE_NOT_LISTED (a group member's), learned from the response
        assertThatThrownBy(() -> client.download("100GOPRO", "A.MP4", -2, dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrippingCameraFailsAsTooSlowAndKeepsThePart() throws IOException {
        DownloadOptions strict = DownloadOptions.defaults().withMinRate(1000, Duration.ofMillis(300));

        StepVerifier.create(client.download("100GOPRO", "DRIP.MP4", SIZE, dir.resolve("DRIP.MP4"), strict))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DownloadTooSlowException.class, s -> {
                    assertThat(s.isTransient()).isTrue();
                    assertThat(s.bytesInWindow()).isLessThan(300);
                }))
                .verify(VERIFY);
        assertThat(filesInDir()).containsExactly(dir.resolve(".DRIP.MP4.camrig-part"));
    }

    @Test
    void aCameraThatHangsMidFileEndsTypedAtItsDeadlineOnVirtualTimeAndKeepsThePart() throws IOException {
        // An hour's deadline and a camera that never times out on its own: virtual time, not an hour.
        CameraHttpClient patient = new CameraHttpClient(camera.uri(),
                HttpOptions.defaults().withResponseTimeout(Duration.ofHours(2)).withProgressStepBytes(16_384));
        DownloadOptions hour = DownloadOptions.defaults().withMinRate(0, Duration.ofSeconds(1))
                .withDeadline(Duration.ofHours(1));

        StepVerifier.withVirtualTime(() -> patient.download("100GOPRO", "STALL.MP4", SIZE, dir.resolve("STALL.MP4"), hour))
                // Progress comes every 16 KiB or more: the last one before the hang is past 100 000 - 16 384.
                .thenConsumeWhile(p -> p.bytesDone() <= 100_000 - 16_384)
                .expectNextMatches(p -> p.bytesDone() > 100_000 - 16_384 && !p.complete())
                .thenAwait(Duration.ofMinutes(59))
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DownloadDeadlineException.class, d -> {
                    assertThat(d.deadlineMillis()).isEqualTo(3_600_000);
                    assertThat(d.isTransient()).isTrue();
                }))
                .verify(VERIFY);
        assertThat(filesInDir()).containsExactly(dir.resolve(".STALL.MP4.camrig-part"));
    }

    @Test
    void aDownloadPastItsDeadlineFailsTypedAndKeepsThePart() throws IOException {
        DownloadOptions hurried = DownloadOptions.defaults().withMinRate(0, Duration.ofSeconds(1))
                .withDeadline(Duration.ofMillis(400));

        StepVerifier.create(client.download("100GOPRO", "DRIP.MP4", SIZE, dir.resolve("DRIP.MP4"), hurried))
                .thenConsumeWhile(p -> !p.complete())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(DownloadDeadlineException.class,
                        d -> assertThat(d.deadlineMillis()).isEqualTo(400)))
                .verify(VERIFY);
        assertThat(filesInDir()).containsExactly(dir.resolve(".DRIP.MP4.camrig-part"));
    }
}
