package io.camrig.service.api;

import io.camrig.service.events.ClientStream;
import io.camrig.service.events.EventHub;
import io.camrig.service.events.ServiceEvent;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * {@code GET /api/events}: the live stream, {@code text/event-stream}, starting with a
 * {@code snapshot} event (the same document as {@code GET /api/rig/state}); and {@code GET
 * /metrics}: the rig's meters as Prometheus text (version 0.0.4).
 */
final class EventRoutes {
    private final EventHub hub;
    private final Supplier<Object> snapshot;
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final HttpIo io;
    private final Duration heartbeat;
    private final Scheduler scheduler;

    EventRoutes(EventHub hub, Supplier<Object> snapshot, Optional<PrometheusMeterRegistry> prometheus, HttpIo io,
                Duration heartbeat, Scheduler scheduler) {
        this.hub = hub;
        this.snapshot = snapshot;
        this.prometheus = prometheus;
        this.io = io;
        this.heartbeat = heartbeat;
        this.scheduler = scheduler;
    }

    void register(HttpServerRoutes r, Guarded g) {
        r.get("/api/events", g.read((req, res) -> res
                .header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .header("X-Accel-Buffering", "no")
                .sendString(ClientStream.open(hub, () -> List.<ServiceEvent>of(hub.unpublished("snapshot",
                        snapshot.get())), heartbeat, scheduler), StandardCharsets.UTF_8)));
        r.get("/metrics", g.read((req, res) -> prometheus.isEmpty()
                ? io.error(res, HttpResponseStatus.NOT_FOUND, "this rig keeps no Prometheus registry")
                : res.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .sendString(Mono.fromCallable(prometheus.get()::scrape))));
    }
}
