package io.camrig.engine.rig;

import io.camrig.engine.camera.CameraOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link Rig}; change them with the {@code with…} methods.
 *
 * @param scanDuration       how long discovery listens for advertisements (default 5 s)
 * @param expectedCameras    stop scanning once this many cameras were found (0: scan the whole
 *                           duration; default 0)
 * @param connectConcurrency how many connections are set up at once (default 4)
 * @param concurrency        how many cameras a fan-out operation works on at once (default 16)
 * @param readyTimeout       time limit for a camera to become ready or change encoding (default 10 s)
 * @param camera             options of each camera
 */
public record RigOptions(Duration scanDuration, int expectedCameras, int connectConcurrency, int concurrency,
                         Duration readyTimeout, CameraOptions camera) {
    public RigOptions {
        Objects.requireNonNull(scanDuration, "scanDuration");
        if (expectedCameras < 0) {
            throw new IllegalArgumentException("expectedCameras must be >= 0");
        }
        if (connectConcurrency < 1 || concurrency < 1) {
            throw new IllegalArgumentException("concurrency bounds must be >= 1");
        }
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(camera, "camera");
    }

    public static RigOptions defaults() {
        return new RigOptions(Duration.ofSeconds(5), 0, 4, 16, Duration.ofSeconds(10), CameraOptions.defaults());
    }

    public RigOptions withExpectedCameras(int n) {
        return new RigOptions(scanDuration, n, connectConcurrency, concurrency, readyTimeout, camera);
    }

    public RigOptions withConnectConcurrency(int n) {
        return new RigOptions(scanDuration, expectedCameras, n, concurrency, readyTimeout, camera);
    }

    public RigOptions withConcurrency(int n) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, n, readyTimeout, camera);
    }

    public RigOptions withReadyTimeout(Duration d) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, d, camera);
    }

    public RigOptions withCamera(CameraOptions c) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout, c);
    }
}
