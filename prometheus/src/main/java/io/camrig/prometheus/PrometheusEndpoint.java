package io.camrig.prometheus;

import io.camrig.engine.metrics.RigMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Serves a rig's meters as Prometheus text ({@code GET /metrics}, content type
 * {@code text/plain; version=0.0.4}) on 127.0.0.1 only. Close it to stop serving.
 */
public final class PrometheusEndpoint implements AutoCloseable {
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

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(2));
    }
}
