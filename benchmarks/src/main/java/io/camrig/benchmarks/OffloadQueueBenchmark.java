package io.camrig.benchmarks;

import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.model.MediaFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A take's manifest under eight cameras verifying files at once: each of 8 threads (one camera
 * each, {@value #FILES} files queued per camera) marks its next file verified, which returns once
 * {@code take.json} holding it is written and fsynced on the disk under {@code java.io.tmpdir}.
 * One JMH operation is one file recorded.
 *
 * <p>{@code mode=shared}: {@link OffloadQueue} as the offloader uses it (changes made while a
 * write is under way share the next write). {@code mode=one-write-each}: the same calls one at a
 * time under a lock, so every change waits for a write of its own, as before session 13: the
 * ratio of the two is what the shared write saves, and it holds on a faster or slower disk, which
 * the absolute figures do not (they follow the disk's fsync time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(OffloadQueueBenchmark.CAMERAS)
public class OffloadQueueBenchmark {
    static final int CAMERAS = 8;
    static final int FILES = 200;

    /** {@code shared}: the queue's own writes; {@code one-write-each}: a write per change. */
    @Param({"shared", "one-write-each"})
    public String mode;

    private Path media;
    private OffloadQueue queue;
    private final AtomicInteger cameras = new AtomicInteger();
    private final Object oneAtATime = new Object();

    /** A take with {@value #CAMERAS} cameras of {@value #FILES} pending 5 MB photos each. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        media = Files.createTempDirectory("camrig-queue-bench");
        TakeStore store = new TakeStore(media);
        queue = new OffloadQueue(store, store.create("bench"));
        for (int c = 0; c < CAMERAS; c++) {
            queue.ensureCamera(TakeCamera.of(serial(c), "GoPro " + c, "HERO12 Black", "H23.01.02.32.00"));
            List<MediaFile> files = new ArrayList<>();
            for (int f = 1; f <= FILES; f++) {
                Instant created = Instant.ofEpochSecond(1_700_000_000L + f);
                files.add(new MediaFile("100GOPRO", String.format("GOPR%04d.JPG", f), 5_000_000L, created, created));
            }
            queue.enqueue(serial(c), files);
        }
    }

    /** Removes the take. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(media)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One thread's camera and where it is in its files. */
    @State(Scope.Thread)
    public static class Camera {
        String serial;
        List<TakeFile> files;
        int next;
        int round;

        /** Takes the next camera of the take. */
        @Setup(Level.Trial)
        public void pick(OffloadQueueBenchmark bench) {
            serial = serial(bench.cameras.getAndIncrement() % CAMERAS);
            files = bench.queue.pending(serial);
        }
    }

    /** Records the camera's next file as verified (each round with another hash, so each call changes the take). */
    @Benchmark
    public Object verifyOneFile(Camera camera) {
        TakeFile file = camera.files.get(camera.next);
        if (++camera.next == camera.files.size()) {
            camera.next = 0;
            camera.round++;
        }
        String sha256 = String.format("%064x", camera.round);
        if (mode.equals("shared")) {
            return queue.verified(camera.serial, file, camera.serial + "/100GOPRO/" + file.name(), sha256);
        }
        synchronized (oneAtATime) {
            return queue.verified(camera.serial, file, camera.serial + "/100GOPRO/" + file.name(), sha256);
        }
    }

    private static String serial(int camera) {
        return String.format("C3331325%06d", camera);
    }
}
