package io.camrig.simulator.http;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable options of a {@link VirtualCameraHttpServer}; change them with the {@code with…}
 * methods.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on a port outside 0..65535 or a
 * negative time.
 *
 * @param host the address to bind, default {@code 127.0.0.1} (loopback only)
 * @param port the HTTP port, 0 for an ephemeral one (default)
 * @param cohn also serve HTTPS with Basic auth, as a camera on the home network (default off)
 * @param cohnPort the HTTPS port, 0 for an ephemeral one (default)
 * @param encodingStopTime how long after shutter stop the recording lands on the card (default 0)
 * @param scheduler the scheduler that times the encoding stop (default parallel)
 */
public record HttpServerOptions(String host, int port, boolean cohn, int cohnPort, Duration encodingStopTime,
        Scheduler scheduler) {

    public HttpServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(encodingStopTime, "encodingStopTime");
        Objects.requireNonNull(scheduler, "scheduler");
        if (port < 0 || port > 65_535 || cohnPort < 0 || cohnPort > 65_535) {
            throw new IllegalArgumentException("ports must be 0..65535, were " + port + " and " + cohnPort);
        }
        if (encodingStopTime.isNegative()) {
            throw new IllegalArgumentException("encodingStopTime must be >= 0");
        }
    }

    /** Loopback, ephemeral HTTP port, no COHN, immediate encoding stop. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions("127.0.0.1", 0, false, 0, Duration.ZERO, Schedulers.parallel());
    }

    public HttpServerOptions withHost(String h) {
        return new HttpServerOptions(h, port, cohn, cohnPort, encodingStopTime, scheduler);
    }

    public HttpServerOptions withPort(int p) {
        return new HttpServerOptions(host, p, cohn, cohnPort, encodingStopTime, scheduler);
    }

    /** A copy that also serves COHN (HTTPS, Basic auth) on {@code httpsPort} (0: ephemeral). */
    public HttpServerOptions withCohn(int httpsPort) {
        return new HttpServerOptions(host, port, true, httpsPort, encodingStopTime, scheduler);
    }

    public HttpServerOptions withEncodingStopTime(Duration d) {
        return new HttpServerOptions(host, port, cohn, cohnPort, d, scheduler);
    }

    public HttpServerOptions withScheduler(Scheduler s) {
        return new HttpServerOptions(host, port, cohn, cohnPort, encodingStopTime, s);
    }
}
