package io.camrig.engine.offload;

import io.camrig.http.HttpOptions;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.simulator.http.VirtualCameraHttpServer;
import io.camrig.simulator.http.VirtualHttpRig;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulated cameras the offload tests fetch from (HERO12 Blacks on 127.0.0.1, HTTP only), and
 * whatever else a test puts in front of them ({@link CameraProxy}): registered with
 * {@code @RegisterExtension}, it closes each after the test, the last opened first.
 */
final class TestRigs implements AfterEachCallback {
    private static final Duration START = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /**
     * {@code cameras} cameras seeded with {@code seed}, each card holding {@code files} recordings
     * of {@code fileBytes} bytes; encoding stops 10 ms after a shutter off. Blocks up to 30 s.
     */
    VirtualHttpRig start(int cameras, long seed, int fileBytes, int files) {
        return closeAfter(VirtualHttpRig.start(new VirtualHttpRig.Options(cameras, "HERO12 Black", seed, fileBytes,
                files, "127.0.0.1", 0, false, 0, Duration.ofMillis(10))).block(START));
    }

    /** Camera {@code c} reached directly at its own address (as over COHN), through {@code http}. */
    static OffloadCamera direct(VirtualCameraHttpServer c, HttpOptions http) {
        return OffloadCamera.of(c.sdCard().serial(), c.sdCard().serial(), new CameraHttpClient(c.baseUri(), http),
                OffloadCamera.Link.COHN);
    }

    /** Every event of offloading {@code queue} from camera {@code c} reached directly; blocks up to 30 s. */
    static java.util.List<OffloadEvent> offload(io.camrig.engine.take.OffloadQueue queue, OffloadOptions options,
            VirtualCameraHttpServer c, HttpOptions http) {
        return new Offloader(queue, options, java.util.Optional.empty()).run(java.util.List.of(direct(c, http)))
                .collectList().block(START);
    }

    /**
     * A new take in {@code media} queueing what camera {@code c} lists now, as {@code camrig
     * offload --card} does: its files with the {@code companions} asked for (RAW versions always),
     * then, with {@code members}, each photo of its groups.
     */
    static io.camrig.engine.take.OffloadQueue cardTake(java.nio.file.Path media, VirtualCameraHttpServer c,
            java.util.Set<io.camrig.engine.take.Companion> companions, boolean members) {
        io.camrig.engine.take.TakeStore store = new io.camrig.engine.take.TakeStore(media);
        io.camrig.engine.take.OffloadQueue queue = new io.camrig.engine.take.OffloadQueue(store, store.create("test"));
        String serial = c.sdCard().serial();
        io.camrig.http.model.MediaList list = CameraHttpClient.create(c.baseUri()).mediaList().block(START);
        queue.ensureCamera(io.camrig.engine.take.TakeCamera.of(serial, serial, "HERO12 Black", ""));
        queue.enqueue(serial, list.files(), companions);
        if (members) {
            queue.enqueueMembers(serial, list.members());
        }
        return queue;
    }

    /** The SHA-256 (hex) the bytes of {@code card}'s file {@code f} must have. */
    static String sha256(SdCard card, SdCardFile f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(card.expectedBytes(f)));
    }

    /** {@code resource}, closed after the test. */
    <T extends AutoCloseable> T closeAfter(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
