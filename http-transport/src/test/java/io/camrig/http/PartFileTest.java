package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * The partial file under a camera that drips (its minimum-rate window, on a clock the test moves)
 * and under a cancel that lands while the event loop writes a chunk.
 */
class PartFileTest {
    private static final int SIZE = 1 << 20;
    private static final byte[] CONTENT = TestCamera.content(SIZE);

    @TempDir
    Path dir;
    private final AtomicLong nanos = new AtomicLong();

    private PartFile open(DownloadOptions options) {
        return PartFile.open(dir.resolve("GX010001.MP4"), SIZE, 1 << 16, "test", "GET test", options.withDurable(false),
                nanos::get);
    }

    private static ByteBuf slice(int from, int length) {
        return Unpooled.wrappedBuffer(CONTENT, from, length);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aCameraThatDripsBelowTheMinimumRateOverAWholeWindowFailsTransientlyAndKeepsWhatArrived() throws IOException {
        PartFile part = open(DownloadOptions.defaults().withMinRate(1000, Duration.ofSeconds(30)));
        int at = 0;
        // 900 bytes in each 30 s: under 1000 B/s, but no window has passed until the 30th second.
        for (int i = 0; i < 29; i++) {
            advance(Duration.ofSeconds(1));
            assertThat(part.write(slice(at, 30))).isTrue();
            at += 30;
        }
        advance(Duration.ofSeconds(1));

        int sent = at;
        assertThatThrownBy(() -> part.write(slice(sent, 30))).isInstanceOfSatisfying(DownloadTooSlowException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.bytesInWindow()).isEqualTo(900);
            assertThat(e.windowMillis()).isEqualTo(30_000);
        });
        part.close();
        assertThat(Files.readAllBytes(part.path())).as("resumable: every byte that arrived").isEqualTo(
                Arrays.copyOf(CONTENT, 900));
    }

    @Test
    void theMinimumRateCountsFromEachRequestSoTheWaitBeforeAResumeIsNotHeldAgainstIt() {
        PartFile part = open(DownloadOptions.defaults().withMinRate(1000, Duration.ofSeconds(10)));
        advance(Duration.ofSeconds(5));
        assertThat(part.write(slice(0, 6000))).isTrue();
        advance(Duration.ofMinutes(5));     // the link dropped; the resume backs off
        part.startWindow();                 // the resumed request

        advance(Duration.ofSeconds(10));
        assertThat(part.write(slice(6000, 10_000))).as("1000 B/s since the resume: fast enough").isTrue();
        part.close();
    }

    @Test
    void aCancelThatLandsWhileAChunkIsBeingWrittenWaitsForItAndNoLaterChunkIsWritten() throws Exception {
        PartFile part = open(DownloadOptions.defaults().withMinRate(0, Duration.ofSeconds(1)));
        assertThat(part.write(slice(0, 4096))).isTrue();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteBuf slow = new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, Arrays.copyOfRange(CONTENT, 4096, 8192),
                4096) {
            @Override
            public int getBytes(int index, FileChannel out, long position, int length) throws IOException {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.getBytes(index, out, position, length);
            }
        };
        AtomicBoolean written = new AtomicBoolean();
        Thread eventLoop = new Thread(() -> written.set(part.write(slow)), "event-loop");
        eventLoop.start();
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

        Thread cancel = new Thread(part::close, "cancel");
        cancel.start();
        Flux.interval(Duration.ofMillis(2)).filter(i -> cancel.getState() == Thread.State.BLOCKED)
                .blockFirst(Duration.ofSeconds(10));
        assertThat(cancel.isAlive()).as("the close waits for the chunk being written").isTrue();
        release.countDown();
        eventLoop.join(10_000);
        cancel.join(10_000);

        assertThat(written).isTrue();
        assertThat(part.write(slice(8192, 4096))).as("nothing is written after the close").isFalse();
        assertThat(Files.readAllBytes(part.path())).as("whole chunks only, in order").isEqualTo(Arrays.copyOf(CONTENT, 8192));
        slow.release();
    }
}
