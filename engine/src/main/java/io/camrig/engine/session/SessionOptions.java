package io.camrig.engine.session;

import io.camrig.engine.rig.RigOptions;
import io.camrig.engine.sync.SyncTolerance;
import io.camrig.http.HttpOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link RecordingSession}; change them with the {@code with…} methods.
 *
 * @param recordFor           how long to record (default 3 s)
 * @param presetGroup         preset group loaded before recording (default 1000, video)
 * @param downloadConcurrency how many downloads run at once across the rig over COHN (default 8, the
 *     offloader's: {@link io.camrig.engine.offload.OffloadOptions#DEFAULT_MAX_PARALLEL}); over the
 *     cameras' own APs one at a time per host Wi-Fi interface
 * @param mediaDir            where takes land, as {@code <mediaDir>/<take>/<serial>/<folder>/<file>} beside each take.json (default
 *                            {@code ./camrig-media})
 * @param latencyProbes       keep-alive round trips per camera before firing, to estimate latency (default 5)
 * @param cycles              record cycles after one setup (default 1)
 * @param rig                 options of the rig and its cameras
 * @param http                options of the HTTP clients
 * @param sync                how far apart a take's cameras may start before it fails (default
 *                            {@link SyncTolerance#defaults()}: 50 ms, 2 frames of footage)
 */
public record SessionOptions(Duration recordFor, int presetGroup, int downloadConcurrency, Path mediaDir,
                             int latencyProbes, int cycles, RigOptions rig, HttpOptions http, SyncTolerance sync) {
    public SessionOptions {
        if (recordFor.isNegative()) {
            throw new IllegalArgumentException("recordFor must not be negative");
        }
        if (cycles < 1) {
            throw new IllegalArgumentException("cycles must be >= 1");
        }
        if (latencyProbes < 0) {
            throw new IllegalArgumentException("latencyProbes must be >= 0");
        }
        if (downloadConcurrency < 1) {
            throw new IllegalArgumentException("downloadConcurrency must be >= 1");
        }
        Objects.requireNonNull(mediaDir, "mediaDir");
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(sync, "sync");
    }

    public static SessionOptions defaults() {
        return new SessionOptions(Duration.ofSeconds(3), 1000, io.camrig.engine.offload.OffloadOptions.DEFAULT_MAX_PARALLEL,
                Path.of("camrig-media"), 5, 1, RigOptions.defaults(),
                HttpOptions.defaults(), SyncTolerance.defaults());
    }

    public SessionOptions withRecordFor(Duration d) {
        return new SessionOptions(d, presetGroup, downloadConcurrency, mediaDir, latencyProbes, cycles, rig, http, sync);
    }

    public SessionOptions withDownloadConcurrency(int n) {
        return new SessionOptions(recordFor, presetGroup, n, mediaDir, latencyProbes, cycles, rig, http, sync);
    }

    public SessionOptions withMediaDir(Path dir) {
        return new SessionOptions(recordFor, presetGroup, downloadConcurrency, dir, latencyProbes, cycles, rig, http, sync);
    }

    public SessionOptions withLatencyProbes(int n) {
        return new SessionOptions(recordFor, presetGroup, downloadConcurrency, mediaDir, n, cycles, rig, http, sync);
    }

    public SessionOptions withCycles(int n) {
        return new SessionOptions(recordFor, presetGroup, downloadConcurrency, mediaDir, latencyProbes, n, rig, http, sync);
    }

    /** How far apart a take's cameras may start before it counts as failed. */
    public SessionOptions withSync(SyncTolerance tolerance) {
        return new SessionOptions(recordFor, presetGroup, downloadConcurrency, mediaDir, latencyProbes, cycles, rig, http,
                tolerance);
    }

    public SessionOptions withRig(RigOptions r) {
        return new SessionOptions(recordFor, presetGroup, downloadConcurrency, mediaDir, latencyProbes, cycles, r, http, sync);
    }
}
