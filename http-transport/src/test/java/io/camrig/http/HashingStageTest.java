package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The hand-off of written buffers to the hashing thread: order, bounds, errors after every
 * written byte is hashed, and no buffer left unreleased on cancellation.
 */
class HashingStageTest {
    @TempDir
    Path dir;

    /** Buffers of {@code data} cut at {@code cuts}, released by the source after each {@code onNext}, as Reactor Netty does. */
    private static Flux<ByteBuf> source(byte[] data, int[] cuts, List<ByteBuf> made, Throwable errorAtEnd) {
        AtomicInteger next = new AtomicInteger();
        return Flux.generate(sink -> {
            int i = next.getAndIncrement();
            if (i >= cuts.length - 1) {
                if (errorAtEnd != null) {
                    sink.error(errorAtEnd);
                } else {
                    sink.complete();
                }
                return;
            }
            ByteBuf b = Unpooled.directBuffer(cuts[i + 1] - cuts[i]).writeBytes(data, cuts[i], cuts[i + 1] - cuts[i]);
            made.add(b);
            sink.next(b);
            b.release();    // the source's own reference, after onNext returned
        });
    }

    private static int[] cuts(int size, int maxChunk, long seed) {
        Random r = new Random(seed);
        List<Integer> at = new ArrayList<>(List.of(0));
        int pos = 0;
        while (pos < size) {
            pos = Math.min(size, pos + 1 + r.nextInt(maxChunk));
            at.add(pos);
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private PartFile open(long size, int progressStep) {
        return PartFile.open(dir.resolve("GX010001.MP4"), size, progressStep, "test", "GET test",
                DownloadOptions.defaults().withDurable(false), System::nanoTime);
    }

    @Test
    void twentyThousandTinyChunksAreHashedInFileOrderOnTheSharedHashers() throws IOException {
        byte[] data = TestCamera.content(1_000_000);
        int[] cuts = cuts(data.length, 97, 42);
        assertThat(cuts.length).isGreaterThan(19_000);
        List<ByteBuf> made = new ArrayList<>();
        PartFile part = open(data.length, 100_000);
        List<DownloadProgress> progress = HashingStage.stream(source(data, cuts, made, null), part)
                .collectList().block(java.time.Duration.ofSeconds(30));
        DownloadResult result = part.commit().result();

        assertThat(result.sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
        assertThat(Files.readAllBytes(result.path())).isEqualTo(data);
        assertThat(progress).extracting(DownloadProgress::bytesDone).isSorted().allMatch(b -> b < data.length);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(9);
        assertThat(made).allMatch(b -> b.refCnt() == 0);
    }

    @Test
    void noMoreThanTheInFlightBuffersAreHeldWhileTheHashWaits() {
        byte[] data = TestCamera.content(64 * 1024);
        List<ByteBuf> made = new ArrayList<>();
        Queue<Runnable> hasher = new ArrayDeque<>();
        Scheduler manual = Schedulers.fromExecutor(hasher::add);
        PartFile part = open(data.length, 1);

        List<DownloadProgress> seen = new ArrayList<>();
        HashingStage.stream(source(data, cuts(data.length, 1024, 7), made, null), part, manual, 4)
                .subscribe(seen::add);
        // The hashing thread has not run: the event loop wrote only what the stage asked for.
        assertThat(made).hasSize(4);
        assertThat(made).allMatch(b -> b.refCnt() == 1);
        while (!hasher.isEmpty()) {
            hasher.poll().run();
        }
        assertThat(part.commit().result().sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
        assertThat(made).allMatch(b -> b.refCnt() == 0);
        assertThat(seen).isNotEmpty();
    }

    @Test
    void cancellingInTheMiddleOfHashingReleasesEveryBuffer() {
        byte[] data = TestCamera.content(256 * 1024);
        List<ByteBuf> made = new ArrayList<>();
        Queue<Runnable> hasher = new ArrayDeque<>();
        Scheduler manual = Schedulers.fromExecutor(hasher::add);
        PartFile part = open(data.length, 1);
        AtomicInteger hashedItems = new AtomicInteger();

        HashingStage.stream(source(data, cuts(data.length, 4096, 9), made, null), part, manual, 16)
                .subscribe(new BaseSubscriber<DownloadProgress>() {
                    @Override
                    protected void hookOnNext(DownloadProgress p) {
                        if (hashedItems.incrementAndGet() == 3) {
                            cancel();   // on the hashing thread, with buffers still queued behind
                        }
                    }
                });
        assertThat(made).hasSize(16);
        while (!hasher.isEmpty()) {
            hasher.poll().run();
        }
        assertThat(hashedItems).hasValue(3);
        assertThat(made).allMatch(b -> b.refCnt() == 0);
        part.close();
        assertThat(part.path()).exists();   // kept for a later resume
    }

    @Test
    void aConnectionErrorArrivesOnlyAfterEveryWrittenBufferIsHashed() {
        byte[] data = TestCamera.content(100_000);
        int[] first = cuts(40_000, 3000, 3);
        List<ByteBuf> made = new ArrayList<>();
        PartFile part = open(data.length, 1 << 20);
        StepVerifier.create(HashingStage.stream(source(data, first, made, new IOException("connection reset")), part))
                .expectErrorMessage("connection reset")
                .verify(java.time.Duration.ofSeconds(10));
        assertThat(part.written()).isEqualTo(40_000);
        assertThat(made).allMatch(b -> b.refCnt() == 0);

        // the resume continues the same digest, which therefore covers the whole file
        int[] rest = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(40_000),
                java.util.stream.IntStream.rangeClosed(1, 6).map(i -> 40_000 + i * 10_000)).toArray();
        StepVerifier.create(HashingStage.stream(source(data, rest, made, null), part)).verifyComplete();
        assertThat(part.commit().result().sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
    }

    @Test
    void aFileWhoseHashMissedAChunkIsNeverPlaced() {
        byte[] data = TestCamera.content(3000);
        PartFile part = open(data.length, 1 << 20);
        ByteBuf a = Unpooled.wrappedBuffer(data, 0, 1000);
        ByteBuf b = Unpooled.wrappedBuffer(data, 1000, 2000);
        part.write(a);
        part.hash(a);
        part.write(b);     // written but never hashed: the digest would not match the file
        Path partPath = part.path();

        assertThatThrownBy(part::commit).isInstanceOf(DownloadVerificationException.class)
                .hasMessageContaining("hashed 1000 of the 3000 bytes written");
        assertThat(partPath).doesNotExist();
        assertThat(dir.resolve("GX010001.MP4")).doesNotExist();
    }

    @Test
    void aStreamThatDiffersFromTheCameraFileGetsItsOwnHashNotTheExpectedOne() throws IOException {
        byte[] data = TestCamera.content(50_000);
        byte[] tampered = data.clone();
        tampered[31_337] ^= 1;
        List<ByteBuf> made = new ArrayList<>();
        PartFile part = open(data.length, 1 << 20);
        HashingStage.stream(source(tampered, cuts(data.length, 5000, 5), made, null), part).blockLast();
        AtomicReference<DownloadResult> result = new AtomicReference<>(part.commit().result());

        assertThat(result.get().sha256()).isEqualTo(Sha256.of(result.get().path()))
                .isNotEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
    }
}
