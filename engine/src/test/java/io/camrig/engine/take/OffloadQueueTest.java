package io.camrig.engine.take;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offload queue's reads never wait for a change being written (the service reads it on its
 * event loop), a change that changes nothing is not written again, and changes made while a
 * write is under way share the next write (each returning only once it is on disk).
 */
class OffloadQueueTest {
    @TempDir
    Path media;

    @Test
    void aReadWhileAChangeIsUnderWayAnswersAtOnceWithTheLastState() throws Exception {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        TakeManifest before = queue.manifest();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            TakeManifest after = queue.update(m -> {
                // The change holds the take's lock; a reader on another thread must still be answered.
                // The bound only turns a regression (the reader waiting for this lock: a deadlock) into a failure.
                TakeManifest seen = join(CompletableFuture.supplyAsync(queue::manifest, reader));
                assertThat(seen).isSameAs(before);
                assertThat(join(CompletableFuture.supplyAsync(() -> queue.pending("C1"), reader))).isEmpty();
                return m.withCamera(TakeCamera.of("C1", "GoPro 0001", "HERO12 Black", "H23.01.01.99.00"));
            });
            assertThat(queue.manifest()).isSameAs(after);
            assertThat(store.read(after.takeId()).orElseThrow().camera("C1")).isPresent();
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void reQueueingFilesAlreadyListedDoesNotRewriteTheManifest() throws Exception {
        TakeStore store = new TakeStore(media);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"));
        queue.ensureCamera(TakeCamera.of("C1", "GoPro 0001", "HERO12 Black", "H23.01.01.99.00"));
        var file = new io.camrig.http.model.MediaFile("100GOPRO", "GX010001.MP4", 1000,
                java.time.Instant.ofEpochSecond(1_700_000_000), java.time.Instant.ofEpochSecond(1_700_000_000));
        queue.enqueue("C1", java.util.List.of(file));
        Path manifest = store.takeDir(queue.manifest().takeId()).resolve(TakeStore.MANIFEST);
        java.nio.file.Files.delete(manifest);

        // the next run of the camera lists the same file, or nothing new: the manifest is not rewritten
        queue.enqueue("C1", java.util.List.of(file));
        queue.enqueue("C1", java.util.List.of());
        queue.ensureCamera(TakeCamera.of("C1", "GoPro 0001", "HERO12 Black", "H23.01.01.99.00"));
        assertThat(manifest).doesNotExist();

        // a real change is written, whole
        queue.failed("C1", queue.pending("C1").get(0), "camera gone");
        assertThat(store.read(queue.manifest().takeId()).orElseThrow()).isEqualTo(queue.manifest());
    }

    @Test
    void changesMadeWhileAWriteIsUnderWayShareTheNextWrite() throws Exception {
        TakeStore store = new TakeStore(media);
        BlockingWriter writes = new BlockingWriter(store);
        OffloadQueue queue = new OffloadQueue(store, store.create("test"), writes);
        int cameras = 8;
        ExecutorService threads = Executors.newFixedThreadPool(cameras + 1);
        try {
            // the first change's write is held on the disk...
            CompletableFuture<TakeManifest> first = CompletableFuture.supplyAsync(
                    () -> queue.ensureCamera(camera("C0")), threads);
            writes.started.await(30, TimeUnit.SECONDS);
            // ... while eight cameras change the take: none returns before its change is on disk
            List<CompletableFuture<TakeManifest>> others = new java.util.ArrayList<>();
            for (int i = 1; i <= cameras; i++) {
                String serial = "C" + i;
                others.add(CompletableFuture.supplyAsync(() -> queue.ensureCamera(camera(serial)), threads));
            }
            while (queue.waitingForAWrite() < cameras) {
                Thread.onSpinWait();
            }
            assertThat(others).noneMatch(CompletableFuture::isDone);
            assertThat(writes.calls).hasValue(1);

            writes.release.countDown();
            first.get(30, TimeUnit.SECONDS);
            for (CompletableFuture<TakeManifest> f : others) {
                assertThat(f.get(30, TimeUnit.SECONDS).cameras()).hasSize(cameras + 1);
            }
            // two writes for nine changes: the held one, then one with all eight waiting changes
            assertThat(writes.calls).hasValue(2);
            assertThat(writes.written.get(1).cameras()).hasSize(cameras + 1);
            assertThat(store.read(queue.manifest().takeId()).orElseThrow()).isEqualTo(queue.manifest());
        } finally {
            writes.release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void whenTheWriterFailsItsCallerGetsTheErrorAndTheChangesWaitingAreWrittenByTheNext() throws Exception {
        TakeStore store = new TakeStore(media);
        BlockingWriter writes = new BlockingWriter(store);
        writes.failFirst = true;
        OffloadQueue queue = new OffloadQueue(store, store.create("test"), writes);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<TakeManifest> failing = CompletableFuture.supplyAsync(
                    () -> queue.ensureCamera(camera("C0")), threads);
            writes.started.await(30, TimeUnit.SECONDS);
            CompletableFuture<TakeManifest> waiting = CompletableFuture.supplyAsync(
                    () -> queue.ensureCamera(camera("C1")), threads);
            while (queue.waitingForAWrite() < 1) {
                Thread.onSpinWait();
            }
            writes.release.countDown();

            assertThat(failing).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                    .havingCause().isInstanceOf(java.io.UncheckedIOException.class).withMessageContaining("disk full");
            // the waiting change's thread wrote the manifest itself, with both changes
            assertThat(waiting.get(30, TimeUnit.SECONDS).cameras()).hasSize(2);
            assertThat(store.read(queue.manifest().takeId()).orElseThrow().cameras()).hasSize(2);
        } finally {
            writes.release.countDown();
            threads.shutdownNow();
        }
    }

    private static TakeCamera camera(String serial) {
        return TakeCamera.of(serial, "GoPro " + serial, "HERO12 Black", "H23.01.01.99.00");
    }

    /** Writes through the store, the first write held until {@link #release}, and may fail it. */
    private static final class BlockingWriter implements java.util.function.Consumer<TakeManifest> {
        final TakeStore store;
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final List<TakeManifest> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean failFirst;

        BlockingWriter(TakeStore store) {
            this.store = store;
        }

        @Override
        public void accept(TakeManifest manifest) {
            boolean first = calls.incrementAndGet() == 1;
            started.countDown();
            if (first) {
                await(release);
                if (failFirst) {
                    throw new java.io.UncheckedIOException("cannot write take.json: disk full", new java.io.IOException("disk full"));
                }
            }
            written.add(manifest);
            store.write(manifest);
        }

        private static void await(java.util.concurrent.CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a read of the queue waited for the change under way", e);
        }
    }
}
