package io.camrig.engine.take;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offload queue's reads never wait for a change being written (the service reads it on its
 * event loop), and a change that changes nothing is not written again.
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

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a read of the queue waited for the change under way", e);
        }
    }
}
