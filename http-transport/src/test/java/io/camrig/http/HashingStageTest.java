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
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The hand-off of written buffers to the hashing thread: order, the socket's reads paused and
 * resumed around the in-flight bound, errors after every written byte is hashed, and no buffer
 * left unreleased on cancellation.
 */
class HashingStageTest {
    @TempDir
    Path dir;

    /** A connection's reads as the stage sees them: paused, resumed, stopped at the end of the body. */
    static final class TestGate implements ReadGate {
        boolean paused;
        int pauses;
        int resumes;
        boolean stopped;

        @Override
        public synchronized void pause() {
            paused = true;
            pauses++;
        }

        @Override
        public synchronized void resume() {
            if (!stopped) {
                paused = false;
                resumes++;
            }
        }

        @Override
        public synchronized void stop() {
            stopped = true;
        }

        synchronized boolean paused() {
            return paused;
        }
    }

    /** Emits {@code b} as Reactor Netty does (the publisher's own reference released once onNext returned). */
    private static void deliver(Sinks.Many<ByteBuf> socket, ByteBuf b) {
        socket.tryEmitNext(b);
        b.release();
    }

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

    /** The chunks of {@code data} from chunk {@code next} on, while the gate lets the socket read; the next chunk to send. */
    private static int deliverWhileReading(Sinks.Many<ByteBuf> socket, TestGate gate, byte[] data, int[] cuts, int next,
            List<ByteBuf> made) {
        int i = next;
        while (!gate.paused() && i < cuts.length - 1) {
            ByteBuf b = Unpooled.directBuffer().writeBytes(data, cuts[i], cuts[i + 1] - cuts[i]);
            made.add(b);
            deliver(socket, b);
            i++;
        }
        return i;
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
        TestGate gate = new TestGate();
        List<DownloadProgress> progress = HashingStage.stream(source(data, cuts, made, null), part, gate)
                .collectList().block(java.time.Duration.ofSeconds(30));
        DownloadResult result = part.commit().result();

        assertThat(result.sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
        assertThat(Files.readAllBytes(result.path())).isEqualTo(data);
        assertThat(progress).extracting(DownloadProgress::bytesDone).isSorted().allMatch(b -> b < data.length);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(9);
        assertThat(made).allMatch(b -> b.refCnt() == 0);
        assertThat(gate.stopped).isTrue();
    }

    @Test
    void theReadsPauseAtTheInFlightBoundAndResumeOnceTheHashIsDownToHalf() {
        byte[] data = TestCamera.content(64 * 1024);
        int[] cuts = cuts(data.length, 1024, 7);
        List<ByteBuf> made = new ArrayList<>();
        Queue<Runnable> hasher = new ArrayDeque<>();
        Scheduler manual = Schedulers.fromExecutor(hasher::add);
        PartFile part = open(data.length, 1);
        TestGate gate = new TestGate();
        Sinks.Many<ByteBuf> socket = Sinks.many().unicast().onBackpressureError();

        List<DownloadProgress> seen = new ArrayList<>();
        HashingStage.stream(socket.asFlux(), part, gate, manual, 4).subscribe(seen::add);
        int next = 0;
        int mostHeld = 0;
        while (next < cuts.length - 1) {
            // the socket delivers while its reads are on; the hashing thread runs only when they are off
            next = deliverWhileReading(socket, gate, data, cuts, next, made);
            mostHeld = Math.max(mostHeld, (int) made.stream().filter(b -> b.refCnt() > 0).count());
            if (gate.paused()) {
                hasher.poll().run();
                assertThat(gate.paused()).as("resumed once at most 2 wait for their hash").isFalse();
                assertThat(made.stream().filter(b -> b.refCnt() > 0).count()).isLessThanOrEqualTo(2);
            }
        }
        socket.tryEmitComplete();
        while (!hasher.isEmpty()) {
            hasher.poll().run();
        }

        assertThat(mostHeld).isEqualTo(4);
        assertThat(gate.pauses).isGreaterThan(5).isEqualTo(gate.resumes);
        assertThat(part.commit().result().sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
        assertThat(made).allMatch(b -> b.refCnt() == 0);
        assertThat(seen).isNotEmpty();
    }

    @Test
    void aSubscriberThatAsksForNothingMoreHoldsTheDownloadBack() {
        byte[] data = TestCamera.content(64 * 1024);
        int[] cuts = cuts(data.length, 1024, 11);
        List<ByteBuf> made = new ArrayList<>();
        Queue<Runnable> hasher = new ArrayDeque<>();
        Scheduler manual = Schedulers.fromExecutor(hasher::add);
        PartFile part = open(data.length, 1);     // a progress item per hashed buffer
        TestGate gate = new TestGate();
        Sinks.Many<ByteBuf> socket = Sinks.many().unicast().onBackpressureError();
        List<DownloadProgress> seen = new ArrayList<>();
        BaseSubscriber<DownloadProgress> slow = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            protected void hookOnNext(DownloadProgress p) {
                seen.add(p);
            }
        };
        HashingStage.stream(socket.asFlux(), part, gate, manual, 4).subscribe(slow);
        int next = 0;
        for (int round = 0; round < 3; round++) {
            next = deliverWhileReading(socket, gate, data, cuts, next, made);
            while (!hasher.isEmpty()) {
                hasher.poll().run();
            }
        }
        // one item asked for, one hashed; the rest waits, the reads stay paused
        assertThat(seen).hasSize(1);
        assertThat(gate.paused()).isTrue();
        assertThat(made.stream().filter(b -> b.refCnt() > 0).count()).isEqualTo(3);

        slow.request(Long.MAX_VALUE);
        while (!hasher.isEmpty()) {
            hasher.poll().run();
        }
        assertThat(gate.paused()).isFalse();
        assertThat(seen).hasSize(4);
        assertThat(made).allMatch(b -> b.refCnt() == 0);
    }

    @Test
    void cancellingInTheMiddleOfHashingReleasesEveryBufferAndCancelsTheBody() {
        byte[] data = TestCamera.content(256 * 1024);
        int[] cuts = cuts(data.length, 4096, 9);
        List<ByteBuf> made = new ArrayList<>();
        Queue<Runnable> hasher = new ArrayDeque<>();
        Scheduler manual = Schedulers.fromExecutor(hasher::add);
        PartFile part = open(data.length, 1);
        AtomicInteger hashedItems = new AtomicInteger();
        Sinks.Many<ByteBuf> socket = Sinks.many().unicast().onBackpressureError();

        HashingStage.stream(socket.asFlux(), part, new TestGate(), manual, 16)
                .subscribe(new BaseSubscriber<DownloadProgress>() {
                    @Override
                    protected void hookOnNext(DownloadProgress p) {
                        if (hashedItems.incrementAndGet() == 3) {
                            cancel();   // on the hashing thread, with buffers still queued behind
                        }
                    }
                });
        for (int i = 0; i < 16; i++) {  // a read loop that overshoots the bound
            ByteBuf b = Unpooled.directBuffer().writeBytes(data, cuts[i], cuts[i + 1] - cuts[i]);
            made.add(b);
            deliver(socket, b);
        }
        while (!hasher.isEmpty()) {
            hasher.poll().run();
        }
        assertThat(hashedItems).hasValue(3);
        assertThat(made).allMatch(b -> b.refCnt() == 0);
        assertThat(socket.currentSubscriberCount()).as("the body is cancelled").isZero();
        part.close();
        assertThat(part.path()).exists();   // kept for a later resume
    }

    @Test
    void aFileThatCannotTakeTheBytesCancelsTheBodyAndFailsAfterHashingWhatItWrote() {
        byte[] data = TestCamera.content(10_000);
        List<ByteBuf> made = new ArrayList<>();
        PartFile part = open(6_000, 1 << 20);     // announced smaller than what the camera sends
        Sinks.Many<ByteBuf> socket = Sinks.many().unicast().onBackpressureError();
        TestGate gate = new TestGate();

        StepVerifier.create(HashingStage.stream(socket.asFlux(), part, gate))
                .then(() -> {
                    for (int at = 0; at < data.length; at += 2_500) {
                        ByteBuf b = Unpooled.directBuffer().writeBytes(data, at, 2_500);
                        made.add(b);
                        deliver(socket, b);
                    }
                })
                .expectError(DownloadVerificationException.class)
                .verify(java.time.Duration.ofSeconds(10));
        assertThat(part.written()).isEqualTo(5_000);
        assertThat(socket.currentSubscriberCount()).isZero();
        assertThat(gate.stopped).isTrue();
        assertThat(made).allMatch(b -> b.refCnt() == 0);
    }

    @Test
    void aConnectionErrorArrivesOnlyAfterEveryWrittenBufferIsHashed() {
        byte[] data = TestCamera.content(100_000);
        int[] first = cuts(40_000, 3000, 3);
        List<ByteBuf> made = new ArrayList<>();
        PartFile part = open(data.length, 1 << 20);
        StepVerifier.create(HashingStage.stream(source(data, first, made, new IOException("connection reset")), part,
                        new TestGate()))
                .expectErrorMessage("connection reset")
                .verify(java.time.Duration.ofSeconds(10));
        assertThat(part.written()).isEqualTo(40_000);
        assertThat(made).allMatch(b -> b.refCnt() == 0);

        // the resume continues the same digest, which therefore covers the whole file
        int[] rest = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(40_000),
                java.util.stream.IntStream.rangeClosed(1, 6).map(i -> 40_000 + i * 10_000)).toArray();
        StepVerifier.create(HashingStage.stream(source(data, rest, made, null), part, new TestGate())).verifyComplete();
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
        HashingStage.stream(source(tampered, cuts(data.length, 5000, 5), made, null), part, new TestGate()).blockLast();
        AtomicReference<DownloadResult> result = new AtomicReference<>(part.commit().result());

        assertThat(result.get().sha256()).isEqualTo(Sha256.of(result.get().path()))
                .isNotEqualTo(Sha256.hex(Sha256.newDigest().digest(data)));
    }
}
