package io.camrig.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.rig.RigMember;
import io.camrig.http.server.KeepAliveReads;
import io.camrig.service.api.Routes;
import io.camrig.service.events.CameraFeed;
import io.camrig.service.events.EventHub;
import io.camrig.service.rig.CameraViews;
import io.camrig.service.rig.RigAccess;
import io.camrig.service.security.AccessGuard;
import io.camrig.service.takes.TakeDownloads;
import io.camrig.service.takes.TakeLog;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/**
 * {@code camrig serve}'s server: one Reactor Netty HTTP server (HTTP/1.1, HTTPS with
 * {@link ServiceOptions#tls()}) that serves a connected rig's JSON API, its live events (SSE), its
 * Prometheus metrics and the web console, on {@link ServiceOptions#host()} (127.0.0.1 by default).
 * It keeps the rig going: the engine's keep-alives and reconnects run, and failed cameras are
 * tried again every {@link ServiceOptions#recoverEvery()}. Close it to stop serving and close
 * the rig.
 * Closing also stops the take downloads under way, leaving only resumable state ({@link #close()}).
 *
 * <pre>{@code
 * RigAccess rig = new RigAccess(Rig.discover(central, options, metrics).block());
 * rig.start().block();
 * try (RigService service = RigService.start(rig, ServiceOptions.defaults()).block()) {
 *     System.out.println(service.uri());
 * }
 * }</pre>
 */
public final class RigService implements AutoCloseable {
    /** How long {@link #close()} waits for a stopped download's last manifest write. */
    public static final Duration DOWNLOADS_STOP = Duration.ofSeconds(5);

    private final DisposableServer server;
    private final RigAccess rig;
    private final CameraFeed feed;
    private final EventHub hub;
    private final Disposable.Composite running;
    private final Scheduler scheduler;
    private final TakeDownloads downloads;
    private final boolean tls;

    private RigService(DisposableServer server, RigAccess rig, CameraFeed feed, EventHub hub,
                       Disposable.Composite running, Scheduler scheduler, TakeDownloads downloads, boolean tls) {
        this.server = server;
        this.downloads = downloads;
        this.rig = rig;
        this.feed = feed;
        this.hub = hub;
        this.running = running;
        this.scheduler = scheduler;
        this.tls = tls;
    }

    /**
     * Serves a rig that {@link RigAccess#start()} has connected, with the takes already in
     * {@link ServiceOptions#mediaDir()}. Errors when the port is taken, the TLS files cannot be
     * read or the media directory cannot be listed.
     */
    public static Mono<RigService> start(RigAccess rig, ServiceOptions options) {
        return TakeLog.load(new io.camrig.engine.take.TakeStore(options.mediaDir())).flatMap(takes -> {
            ObjectMapper json = new ObjectMapper();
            EventHub hub = new EventHub(json);
            Scheduler scheduler = Schedulers.newSingle("camrig-service-events", true);
            CameraFeed feed = new CameraFeed(rig, new CameraViews(rig)::view, hub, options.minInterval(),
                    options.pollInterval(), scheduler).start();
            TakeDownloads downloads = new TakeDownloads(rig, options.http(), hub, takes.store());
            AccessGuard guard = new AccessGuard(options.token(), options.loopback(), options.tls().isPresent());
            Optional<PrometheusMeterRegistry> prometheus = rig.metrics().registry() instanceof PrometheusMeterRegistry p
                    ? Optional.of(p) : Optional.empty();
            Routes routes = new Routes(rig, feed, takes, downloads, hub, guard, json, prometheus,
                    options.heartbeat(), scheduler);
            HttpServer http = KeepAliveReads.apply(HttpServer.create().host(options.host()).port(options.port()).route(routes));
            if (options.tls().isPresent()) {
                ServiceOptions.Tls t = options.tls().get();
                http = http.secure(spec -> spec.sslContext(
                        Http11SslContextSpec.forServer(t.certificateChain().toFile(), t.privateKey().toFile())));
            }
            Disposable.Composite running = Disposables.composite(feed);
            if (!options.recoverEvery().isZero()) {
                running.add(Flux.interval(options.recoverEvery(), options.recoverEvery(), scheduler)
                        .onBackpressureDrop()
                        .concatMap(t -> rig.members().stream().allMatch(RigMember::isHealthy) ? Mono.empty()
                                : rig.recover().doOnNext(back -> back.forEach(m -> {
                                    hub.log("info", m.advertisedName(), "recovered");
                                    feed.mark(m);
                                })).onErrorResume(e -> Mono.empty()), 1)
                        .subscribe());
            }
            hub.log("info", null, "rig service started with " + rig.members().size() + " cameras");
            return http.bind().map(server -> new RigService(server, rig, feed, hub, running, scheduler, downloads,
                    options.tls().isPresent()))
                    .doOnError(e -> {
                        running.dispose();
                        scheduler.dispose();
                    });
        });
    }

    /** The console's address, e.g. {@code http://127.0.0.1:8420/}. */
    public URI uri() {
        String host = server.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + server.port() + "/");
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The service's event hub (for the CLI's own log lines, and tests). */
    public EventHub events() {
        return hub;
    }

    /** The per-camera feed (tests and benchmarks mark cameras through it). */
    public CameraFeed feed() {
        return feed;
    }

    /** The rig served. */
    public RigAccess rig() {
        return rig;
    }

    /** The take downloads it runs (tests read how many are under way). */
    public TakeDownloads downloads() {
        return downloads;
    }

    /**
     * Stops serving (waiting up to 2 s for open exchanges), stops the take downloads under way
     * (their partial files kept for a resume; waiting up to {@link #DOWNLOADS_STOP} for their last
     * manifest write, with a log line if it gives up, so that once this returns nothing writes
     * under the media directory any more), then closes the rig. Completes also when the calling
     * thread was interrupted (Ctrl-C); the interrupt is kept for the caller.
     */
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            running.dispose();
            server.disposeNow(Duration.ofSeconds(2));
        } finally {
            try {
                downloads.close(DOWNLOADS_STOP);
            } finally {
                scheduler.dispose();
                rig.close();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
