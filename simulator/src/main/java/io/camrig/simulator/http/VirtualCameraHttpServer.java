package io.camrig.simulator.http;

import io.camrig.http.address.BasicCredentials;
import io.camrig.http.server.KeepAliveReads;
import io.camrig.simulator.cohn.CohnCertificate;
import io.camrig.simulator.media.SdCard;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The HTTP server of one virtual camera (Open GoPro HTTP API 2.0) on Reactor Netty, serving the
 * paths of the spec's {@code openapi.json} with realistic answers and errors, over one {@link
 * SdCard} and one {@link CameraHttpModel}:
 * <ul>
 *   <li>Query: state, info, date/time, name, version ({@link QueryRoutes});</li>
 *   <li>Control: keep-alive, shutter, camera control, wired USB, zoom, date/time, name, turbo
 *       transfer, analytics, Labs, sleep, reset, preview stream ({@link ControlRoutes});</li>
 *   <li>Media: list (numbers as strings, as cameras send them), download with {@code Range} (206,
 *       416), info, GPMF, screennail, thumbnail, telemetry, last captured, deletions, hilights
 *       ({@link MediaRoutes});</li>
 *   <li>Settings and presets: a setting's option outside the model's options gets 403 with the
 *       supported options; a busy or encoding camera gets 503 ({@link SettingRoutes});</li>
 *   <li>Webcam ({@link WebcamRoutes}) and COHN ({@link CohnRoutes}).</li>
 * </ul>
 * Firmware update paths are not served (404). With {@link HttpServerOptions#cohn()} the same
 * routes are also served over HTTPS, as a camera on the home network: the certificate chains to
 * a root CA generated at start ({@link CohnAuthority}) and every request needs the Basic
 * credentials (401 otherwise). A {@code VirtualRig} instead opens and moves that HTTPS listener at
 * run time with {@link #serveCohn} and {@link #stopCohn()}, following the camera's BLE-side COHN
 * state; its plain HTTP COHN routes then stay those of an unprovisioned camera.
 *
 * <p>{@link #faults(HttpFaults)} injects delays, forced statuses, cut downloads and stalled ones
 * ({@link #releaseStalls()}, {@link #stalled()}). {@link
 * #close()} drops every open connection, like a camera leaving the network. File content is
 * generated on the fly, so memory stays flat whatever the file size.
 */
public final class VirtualCameraHttpServer implements Disposable, AutoCloseable {
    /** Size of one body chunk of a download, in bytes. */
    public static final int CHUNK_BYTES = 64 * 1024;

    private final CameraHttpModel model;
    private final HttpServerOptions options;
    private final CohnAuthority cohn;
    private final FaultState faults = new FaultState();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ChannelGroup cohnConnections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Sinks.Empty<Void> connectionsClosed = Sinks.empty();
    private volatile DisposableServer http;
    private volatile DisposableServer https;
    private volatile String httpsHost;
    private volatile String cohnAuthorization;

    private VirtualCameraHttpServer(CameraHttpModel model, HttpServerOptions options, CohnAuthority cohn) {
        this.model = model;
        this.options = options;
        this.cohn = cohn;
    }

    /** Starts a server for {@code card} whose state has no statuses from outside. */
    public static Mono<VirtualCameraHttpServer> start(SdCard card) {
        return start(card, Map::of, Map::of);
    }

    /** Starts a server for {@code card} whose state reports {@code statuses} too. */
    public static Mono<VirtualCameraHttpServer> start(SdCard card, Supplier<Map<Integer, Object>> statuses) {
        return start(card, statuses, Map::of);
    }

    /**
     * Starts a server on 127.0.0.1, ephemeral port, for the camera whose serial the card carries.
     *
     * @param statuses status id → value from outside (the BLE side), read for each state request
     * @param settings setting id → option from outside, overriding the model's, read likewise
     */
    public static Mono<VirtualCameraHttpServer> start(SdCard card, Supplier<Map<Integer, Object>> statuses,
            Supplier<Map<Integer, Object>> settings) {
        return start(card, HttpCameraIdentity.fromSerial(card.serial()), statuses, settings, HttpServerOptions.defaults());
    }

    /**
     * Starts a server.
     *
     * @param card the card it serves
     * @param identity who it says it is
     * @param statuses status id → value from outside (the BLE side), read for each state request
     * @param settings setting id → option from outside, overriding the model's
     * @param options where to bind, COHN, timings
     * @return emits the running server once bound (HTTP and, with COHN, HTTPS); errors when a
     *     socket cannot be bound
     */
    public static Mono<VirtualCameraHttpServer> start(SdCard card, HttpCameraIdentity identity,
            Supplier<Map<Integer, Object>> statuses, Supplier<Map<Integer, Object>> settings,
            HttpServerOptions options) {
        return Mono.defer(() -> {
            CameraHttpModel model = new CameraHttpModel(identity, card, statuses, settings, options);
            CohnAuthority authority = options.cohn() ? CohnAuthority.generate(identity.serial(), options.host()) : null;
            VirtualCameraHttpServer s = new VirtualCameraHttpServer(model, options, authority);
            Mono<? extends DisposableServer> plain = s.server(options.host(), options.port(), s::faulty, false).bind();
            if (authority == null) {
                return plain.map(bound -> {
                    s.http = bound;
                    return s;
                });
            }
            s.cohnAuthorization = authority.credentials().authorizationHeader();
            s.httpsHost = options.host();
            Mono<? extends DisposableServer> secure = s.server(options.host(), options.cohnPort(), s::authenticated, true)
                    .secure(spec -> spec.sslContext(authority.serverContext()))
                    .bind();
            return plain.doOnNext(bound -> s.http = bound)
                    .then(secure.doOnError(e -> s.http.disposeNow()))
                    .map(bound -> {
                        s.https = bound;
                        return s;
                    });
        });
    }

    /**
     * Serves the same routes over HTTPS on {@code host:port}, as a camera on the home network,
     * presenting {@code certificate} and requiring {@code credentials} (401 otherwise); moves the
     * listener there when one is already open (the old one stops first). For a camera whose COHN
     * state changes at run time; the {@link #cohn()} of such a server stays empty.
     *
     * @return emits the HTTPS base URI once bound; errors when the address cannot be bound
     */
    public Mono<URI> serveCohn(String host, int port, CohnCertificate certificate, BasicCredentials credentials) {
        return stopCohn().then(Mono.defer(() -> {
            cohnAuthorization = credentials.authorizationHeader();
            return server(host, port, this::authenticated, true)
                    .secure(spec -> spec.sslContext(certificate.serverContext()))
                    .bind()
                    .map(bound -> {
                        httpsHost = host;
                        https = bound;
                        return cohnBaseUri().orElseThrow();
                    });
        }));
    }

    /**
     * Stops the HTTPS listener, if any, and closes its open connections, as a camera that leaves
     * the address would; completes once it no longer listens.
     */
    public Mono<Void> stopCohn() {
        return Mono.defer(() -> {
            DisposableServer s = https;
            if (s == null) {
                return Mono.empty();
            }
            https = null;
            s.dispose();
            return s.onDispose().then(Mono.<Void>create(done -> cohnConnections.close()
                    .addListener(f -> done.success())));
        });
    }

    private HttpServer server(String host, int port, Guard guard, boolean cohnListener) {
        return KeepAliveReads.apply(HttpServer.create())
                .host(host)
                .port(port)
                .doOnChannelInit((observer, channel, remote) -> {
                    connections.add(channel);
                    if (cohnListener) {
                        cohnConnections.add(channel);
                    }
                })
                .route(routes(guard));
    }

    private Consumer<HttpServerRoutes> routes(Guard g) {
        return r -> {
            QueryRoutes.register(r, model, g);
            ControlRoutes.register(r, model, options.scheduler(), g);
            MediaRoutes.register(r, model, faults, g);
            SettingRoutes.register(r, model, g);
            WebcamRoutes.register(r, model, g);
            CohnRoutes.register(r, model, cohn, options.host(), g);
        };
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> faulty(Route route) {
        return (req, res) -> {
            HttpFaults f = faults.get();
            Mono<Void> answer = f.forcedStatus() != 0
                    ? res.status(f.forcedStatus()).send().then()
                    : Mono.defer(() -> route.apply(req, res));
            return f.responseDelay().isZero() ? answer : Mono.delay(f.responseDelay()).then(answer);
        };
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> authenticated(Route route) {
        BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> inner = faulty(route);
        return (req, res) -> cohnAuthorization.equals(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))
                ? inner.apply(req, res)
                : res.status(401).header(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"GoPro\"").send();
    }

    /** {@code http://<host>:<port>}, the base URI a {@code CameraHttpClient} takes. */
    public URI baseUri() {
        return URI.create("http://" + options.host() + ":" + http.port());
    }

    /** {@code https://<host>:<port>} of the COHN server, while it listens. */
    public Optional<URI> cohnBaseUri() {
        DisposableServer s = https;
        return s == null ? Optional.empty() : Optional.of(URI.create("https://" + httpsHost + ":" + s.port()));
    }

    /** The COHN root CA and credentials, when COHN is on. */
    public Optional<CohnAuthority> cohn() {
        return Optional.ofNullable(cohn);
    }

    /** The card this server serves. */
    public SdCard sdCard() {
        return model.card();
    }

    /** The camera state behind the answers. */
    public CameraHttpModel model() {
        return model;
    }

    /** The faults in force. */
    public HttpFaults faults() {
        return faults.get();
    }

    /** Replaces the faults for requests that arrive from now on (and restarts the cut count). */
    public void faults(HttpFaults f) {
        faults.set(Objects.requireNonNull(f, "faults"));
    }

    /**
     * Lets every download stalled by {@link HttpFaults#stallAfterBytes()} go on; downloads that
     * start afterwards stall again while those faults stay set.
     */
    public void releaseStalls() {
        faults.release();
    }

    /**
     * Completes once a download has stalled ({@link HttpFaults#stallAfterBytes()}) since the
     * faults were last set: its bytes before the stall point are sent (flushed), the rest held.
     */
    public Mono<Void> stalled() {
        return faults.reached();
    }

    /**
     * The first byte each media download request asked for, in arrival order: 0 for a whole
     * file, {@code n} for {@code Range: bytes=n-} (a resume).
     */
    public java.util.List<Long> downloadStarts() {
        return faults.downloadStarts();
    }

    /**
     * Stops listening and closes every open connection, as a camera that leaves the network
     * would, without waiting; {@link #onDispose()} tells when it is done.
     */
    @Override
    public void dispose() {
        http.dispose();
        DisposableServer s = https;
        if (s != null) {
            s.dispose();
        }
        connections.close().addListener(f -> connectionsClosed.tryEmitEmpty());
    }

    @Override
    public boolean isDisposed() {
        return http.isDisposed();
    }

    /** Completes once the servers stopped listening and their connections are closed. */
    public Mono<Void> onDispose() {
        DisposableServer s = https;
        return http.onDispose().then(s == null ? Mono.empty() : s.onDispose()).then(connectionsClosed.asMono());
    }

    /** Same as {@link #dispose()}. */
    @Override
    public void close() {
        dispose();
    }

    @Override
    public String toString() {
        DisposableServer s = http;
        return "VirtualCameraHttpServer[" + model.identity().serial() + (s == null ? "" : " @ " + baseUri()) + "]";
    }
}
