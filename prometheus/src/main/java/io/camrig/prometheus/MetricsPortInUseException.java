package io.camrig.prometheus;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * {@link PrometheusEndpoint} could not listen on 127.0.0.1 at the port asked for: another process
 * holds it. Permanent until that process lets go; choose another port, or 0 for a free one. The
 * cause is Reactor Netty's bind failure.
 */
public class MetricsPortInUseException extends PermanentCamrigException {
    private final int port;

    public MetricsPortInUseException(int port, Throwable cause) {
        super("cannot serve metrics on 127.0.0.1:" + port + ": the port is in use (choose another, or 0 for a free one)",
                null, "serve metrics", cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
