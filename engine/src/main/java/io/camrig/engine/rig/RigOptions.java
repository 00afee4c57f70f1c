package io.camrig.engine.rig;

import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.resilience.ResilienceOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link Rig}; change them with the {@code with…} methods. Defaults in
 * brackets.
 *
 * @param scanDuration       how long discovery listens for advertisements [5 s]
 * @param expectedCameras    stop scanning once this many cameras were found (0: scan the whole
 *                           duration) [0]
 * @param connectConcurrency how many connections are set up at once [4]
 * @param concurrency        how many cameras a fan-out operation works on at once [16]
 * @param readyTimeout       time limit for a camera to become ready or change encoding [10 s]
 * @param keepAliveInterval  period of keep-alives once started with {@link Rig#startKeepAlive()} [3 s]
 * @param reconnectAttempts  reconnect attempts after a lost link before the camera is reported
 *                           gone (0: never reconnect) [3]
 * @param reconnectBackoff   wait before the first reconnect attempt; doubles, with jitter [200 ms]
 * @param compensateLatency  fire each camera early by its estimated latency difference [true]
 * @param resilience         time limit, retry and circuit-breaker settings of every camera
 * @param camera             options of each camera
 * @param realtimeFire       ask Linux to run the thread that releases a fire's writes at real-time
 *                           priority ({@code SCHED_FIFO} 1), so that no other thread of the host
 *                           preempts it in the middle of a release; granted to root or with
 *                           {@code CAP_SYS_NICE}, otherwise the thread stays a normal one and
 *                           {@link Rig#fireThread()} says why [true]
 */
public record RigOptions(Duration scanDuration, int expectedCameras, int connectConcurrency, int concurrency,
                         Duration readyTimeout, Duration keepAliveInterval, int reconnectAttempts,
                         Duration reconnectBackoff, boolean compensateLatency, ResilienceOptions resilience,
                         CameraOptions camera, boolean realtimeFire) {
    public RigOptions {
        Objects.requireNonNull(scanDuration, "scanDuration");
        if (expectedCameras < 0) {
            throw new IllegalArgumentException("expectedCameras must be >= 0");
        }
        if (connectConcurrency < 1 || concurrency < 1) {
            throw new IllegalArgumentException("concurrency bounds must be >= 1");
        }
        if (reconnectAttempts < 0) {
            throw new IllegalArgumentException("reconnectAttempts must be >= 0");
        }
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        Objects.requireNonNull(resilience, "resilience");
        Objects.requireNonNull(camera, "camera");
    }

    public static RigOptions defaults() {
        return new RigOptions(Duration.ofSeconds(5), 0, 4, 16, Duration.ofSeconds(10), Duration.ofSeconds(3), 3,
                Duration.ofMillis(200), true, ResilienceOptions.defaults(), CameraOptions.defaults(), true);
    }

    public RigOptions withExpectedCameras(int n) {
        return new RigOptions(scanDuration, n, connectConcurrency, concurrency, readyTimeout, keepAliveInterval,
                reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withConnectConcurrency(int n) {
        return new RigOptions(scanDuration, expectedCameras, n, concurrency, readyTimeout, keepAliveInterval,
                reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withConcurrency(int n) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, n, readyTimeout, keepAliveInterval,
                reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withReadyTimeout(Duration d) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, d, keepAliveInterval,
                reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withKeepAliveInterval(Duration d) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout, d,
                reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withReconnect(int attempts, Duration backoff) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout,
                keepAliveInterval, attempts, backoff, compensateLatency, resilience, camera, realtimeFire);
    }

    public RigOptions withCompensateLatency(boolean on) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout,
                keepAliveInterval, reconnectAttempts, reconnectBackoff, on, resilience, camera, realtimeFire);
    }

    public RigOptions withResilience(ResilienceOptions r) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout,
                keepAliveInterval, reconnectAttempts, reconnectBackoff, compensateLatency, r, camera, realtimeFire);
    }

    public RigOptions withCamera(CameraOptions c) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout,
                keepAliveInterval, reconnectAttempts, reconnectBackoff, compensateLatency, resilience, c, realtimeFire);
    }

    public RigOptions withRealtimeFire(boolean on) {
        return new RigOptions(scanDuration, expectedCameras, connectConcurrency, concurrency, readyTimeout,
                keepAliveInterval, reconnectAttempts, reconnectBackoff, compensateLatency, resilience, camera, on);
    }
}
