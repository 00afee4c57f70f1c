package io.camrig.prometheus;

import io.camrig.engine.metrics.RigMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Serves a rig's meters as Prometheus text ({@code GET /metrics}, content type
 * {@code text/plain; version=0.0.4}) on 127.0.0.1 only.
 *
 * <p>Lifecycle as Reactor Netty's servers have it: {@link #dispose()} stops serving without
 * blocking, {@link #onDispose()} completes once the port is released, {@link
 * #disposeNow(Duration)} blocks until then (callers that may block: a CLI, a test). {@link
 * #close()} is {@link #dispose()}, for try-with-resources.
 */
public final class PrometheusEndpoint implements Disposable, AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final DisposableServer server;

    private PrometheusEndpoint(PrometheusMeterRegistry registry, DisposableServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** A Prometheus registry to build {@link RigMetrics} on. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Starts serving {@code registry} on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @return the endpoint; errors: {@link MetricsPortInUseException} when the port is taken
     */
    public static Mono<PrometheusEndpoint> start(PrometheusMeterRegistry registry, int port) {
        return HttpServer.create().host("127.0.0.1").port(port)
                .route(routes -> routes.get("/metrics", (req, res) -> res
                        .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .sendString(Mono.fromCallable(registry::scrape))))
                .bind()
                .onErrorMap(ChannelBindException.class, e -> new MetricsPortInUseException(port, e))
                .map(server -> new PrometheusEndpoint(registry, server));
    }

    /** Where the metrics are, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/metrics");
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops serving; returns at once ({@link #onDispose()} tells when the port is released). */
    @Override
    public void dispose() {
        server.dispose();
    }

    @Override
    public boolean isDisposed() {
        return server.isDisposed();
    }

    /** Completes when the server has stopped and released its port. */
    public Mono<Void> onDispose() {
        return server.onDispose();
    }

    /**
     * Stops serving and blocks until the port is released.
     *
     * @param timeout how long to wait at most
     * @throws IllegalStateException when the server has not stopped within {@code timeout}
     */
    public void disposeNow(Duration timeout) {
        server.disposeNow(timeout);
    }

    /** {@link #dispose()}: does not block. */
    @Override
    public void close() {
        dispose();
    }
}
