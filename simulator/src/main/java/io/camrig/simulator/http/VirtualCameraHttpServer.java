package io.camrig.simulator.http;

import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP server of one virtual camera (Open GoPro HTTP API 2.0), on Reactor Netty, bound to
 * 127.0.0.1 on an ephemeral port, serving one {@link SdCard}:
 * <ul>
 *   <li>{@code GET /gopro/media/list} ({@code OGP_MEDIA_LIST}): the card's files as the camera
 *       lists them, numbers as strings.</li>
 *   <li>{@code GET /videos/DCIM/{directory}/{filename}} ({@code OGP_DOWNLOAD_MEDIA}): the file's
 *       bytes, streamed in {@value #CHUNK_BYTES}-byte chunks with {@code Content-Length} and
 *       {@code Accept-Ranges: bytes}; a single {@code Range: bytes=a-b}, {@code a-} or {@code -n}
 *       gets 206 with {@code Content-Range}, a range past the end 416; an unknown file 404.</li>
 *   <li>{@code GET /gopro/camera/state} ({@code OGP_GET_STATE}): {@code {"status": …, "settings":
 *       …}} from the suppliers given at start, read on every request (so the BLE side's state is
 *       shared).</li>
 *   <li>{@code GET /gopro/camera/keep_alive} ({@code OGP_KEEP_ALIVE}): {@code {}}.</li>
 * </ul>
 * Any other path gets 404. {@link #faults(HttpFaults)} injects delays, forced statuses and cut
 * downloads. {@link #close()} drops every open connection, like a camera leaving the network. Content is generated on the fly, so memory stays flat whatever the file size.
 */
public final class VirtualCameraHttpServer implements Disposable, AutoCloseable {
    /** Size of one body chunk of a download, in bytes. */
    public static final int CHUNK_BYTES = 64 * 1024;

    private final SdCard card;
    private final Supplier<Map<Integer, Object>> statuses;
    private final Supplier<Map<Integer, Object>> settings;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Sinks.Empty<Void> connectionsClosed = Sinks.empty();
    private volatile HttpFaults faults = HttpFaults.NONE;
    private volatile DisposableServer server;

    private VirtualCameraHttpServer(SdCard card, Supplier<Map<Integer, Object>> statuses,
            Supplier<Map<Integer, Object>> settings) {
        this.card = Objects.requireNonNull(card, "card");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts a server for {@code card} whose state has no statuses and no settings. */
    public static Mono<VirtualCameraHttpServer> start(SdCard card) {
        return start(card, Map::of, Map::of);
    }

    /** Starts a server for {@code card} whose state reports {@code statuses} and no settings. */
    public static Mono<VirtualCameraHttpServer> start(SdCard card, Supplier<Map<Integer, Object>> statuses) {
        return start(card, statuses, Map::of);
    }

    /**
     * Starts a server on 127.0.0.1, ephemeral port.
     *
     * @param card the card it serves
     * @param statuses status id → value (number, string or boolean), read for each state request
     * @param settings setting id → value, read for each state request
     * @return emits the running server once bound; errors when the socket cannot be bound
     */
    public static Mono<VirtualCameraHttpServer> start(SdCard card, Supplier<Map<Integer, Object>> statuses,
            Supplier<Map<Integer, Object>> settings) {
        return Mono.defer(() -> {
            VirtualCameraHttpServer s = new VirtualCameraHttpServer(card, statuses, settings);
            return HttpServer.create()
                    .host("127.0.0.1")
                    .port(0)
                    .doOnChannelInit((observer, channel, remote) -> s.connections.add(channel))
                    .route(r -> r
                            .get("/gopro/media/list", s.guarded(s::mediaList))
                            .get("/gopro/camera/state", s.guarded(s::state))
                            .get("/gopro/camera/keep_alive", s.guarded(s::keepAlive))
                            .get("/videos/DCIM/{directory}/{filename}", s.guarded(s::download)))
                    .bind()
                    .map(bound -> {
                        s.server = bound;
                        return s;
                    });
        });
    }

    /** {@code http://127.0.0.1:<port>}, the base URI a {@code CameraHttpClient} takes. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The card this server serves. */
    public SdCard sdCard() {
        return card;
    }

    /** The faults in force. */
    public HttpFaults faults() {
        return faults;
    }

    /** Replaces the faults for requests that arrive from now on. */
    public void faults(HttpFaults faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /**
     * Stops listening and closes every open connection, as a camera that leaves the network
     * would, without waiting; {@link #onDispose()} tells when it is done.
     */
    @Override
    public void dispose() {
        server.dispose();
        connections.close().addListener(f -> connectionsClosed.tryEmitEmpty());
    }

    @Override
    public boolean isDisposed() {
        return server.isDisposed();
    }

    /** Completes once the server stopped listening and its connections are closed. */
    public Mono<Void> onDispose() {
        return server.onDispose().then(connectionsClosed.asMono());
    }

    /** Same as {@link #dispose()}. */
    @Override
    public void close() {
        dispose();
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> guarded(
            BiFunction<HttpServerRequest, HttpServerResponse, Mono<Void>> handler) {
        return (req, res) -> {
            HttpFaults f = faults;
            Mono<Void> answer = f.forcedStatus() != 0
                    ? res.status(f.forcedStatus()).send().then()
                    : Mono.defer(() -> handler.apply(req, res));
            return f.responseDelay().isZero() ? answer : Mono.delay(f.responseDelay()).then(answer);
        };
    }

    private Mono<Void> mediaList(HttpServerRequest req, HttpServerResponse res) {
        return json(res, CameraJson.mediaList(card));
    }

    private Mono<Void> state(HttpServerRequest req, HttpServerResponse res) {
        return json(res, CameraJson.state(statuses.get(), settings.get()));
    }

    private Mono<Void> keepAlive(HttpServerRequest req, HttpServerResponse res) {
        return json(res, "{}");
    }

    private static Mono<Void> json(HttpServerResponse res, String body) {
        return res.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .sendString(Mono.just(body)).then();
    }

    private Mono<Void> download(HttpServerRequest req, HttpServerResponse res) {
        Optional<SdCardFile> found = card.find(req.param("directory"), req.param("filename"));
        if (found.isEmpty()) {
            return res.status(HttpResponseStatus.NOT_FOUND).send().then();
        }
        SdCardFile file = found.get();
        ByteRange range;
        try {
            range = ByteRange.resolve(req.requestHeaders().get(HttpHeaderNames.RANGE), file.size());
        } catch (ByteRange.Unsatisfiable e) {
            return res.status(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaderNames.CONTENT_RANGE, "bytes */" + file.size())
                    .send().then();
        }
        if (range.partial()) {
            res.status(HttpResponseStatus.PARTIAL_CONTENT).header(HttpHeaderNames.CONTENT_RANGE,
                    "bytes " + range.start() + "-" + (range.end() - 1) + "/" + file.size());
        }
        res.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                .header(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES)
                .header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(range.length()));
        long cut = faults.cutAfterBytes();
        long stop = cut < 0 ? range.end() : Math.min(range.end(), range.start() + cut);
        Mono<Void> sent = res.send(chunks(file, range.start(), stop)).then();
        if (stop < range.end()) {
            sent = sent.then(Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
        }
        return sent;
    }

    private Flux<ByteBuf> chunks(SdCardFile file, long from, long to) {
        return Flux.generate(() -> from, (pos, sink) -> {
            if (pos >= to) {
                sink.complete();
                return pos;
            }
            byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, to - pos)];
            card.read(file, pos, chunk, 0, chunk.length);
            sink.next(Unpooled.wrappedBuffer(chunk));
            return pos + chunk.length;
        });
    }

    @Override
    public String toString() {
        DisposableServer s = server;
        return "VirtualCameraHttpServer[" + card.serial() + (s == null ? "" : " @ 127.0.0.1:" + s.port()) + "]";
    }
}
