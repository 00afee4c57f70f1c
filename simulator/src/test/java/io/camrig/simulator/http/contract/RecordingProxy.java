package io.camrig.simulator.http.contract;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A plain HTTP proxy on 127.0.0.1 in front of one camera: forwards every request unchanged,
 * streams the camera's answer back unchanged (a cut answer is cut for the client too), and
 * records both as {@link Interaction}s once the answer is complete. Bodies are copied in memory,
 * so keep test files small.
 */
final class RecordingProxy implements AutoCloseable {
    private static final List<String> RESPONSE_HEADERS = List.of("content-type", "content-length", "content-range",
            "accept-ranges", "www-authenticate");

    private final List<Interaction> interactions = new CopyOnWriteArrayList<>();
    /** Requests received whose exchange is not finished (recorded or failed) yet. */
    private final AtomicInteger pending = new AtomicInteger();
    private final HttpClient client;
    private final DisposableServer server;

    RecordingProxy(URI upstream) {
        this.client = HttpClient.create().baseUrl(upstream.toString());
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> Mono.fromRunnable(pending::incrementAndGet)
                        .then(req.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]))
                        .flatMap(body -> forward(req, res, body))
                        .doFinally(s -> pending.decrementAndGet()))
                .bindNow();
    }

    private Mono<Void> forward(HttpServerRequest req, HttpServerResponse res, byte[] requestBody) {
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        req.requestHeaders().forEach(h -> requestHeaders.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        HttpClient forward = client.headers(h -> req.requestHeaders().forEach(e -> {
            if (!e.getKey().equalsIgnoreCase("host") && !e.getKey().equalsIgnoreCase("content-length")) {
                h.add(e.getKey(), e.getValue());
            }
        }));
        return forward.request(HttpMethod.valueOf(req.method().name())).uri(req.uri())
                .send(requestBody.length == 0 ? ByteBufFlux.empty() : Mono.just(Unpooled.wrappedBuffer(requestBody)))
                .response((up, body) -> {
                    Map<String, String> responseHeaders = new LinkedHashMap<>();
                    up.responseHeaders().forEach(h -> responseHeaders.put(h.getKey().toLowerCase(Locale.ROOT),
                            h.getValue()));
                    res.status(up.status());
                    responseHeaders.forEach((k, v) -> {
                        if (RESPONSE_HEADERS.contains(k)) {
                            res.header(k, v);
                        }
                    });
                    ByteArrayOutputStream copy = new ByteArrayOutputStream();
                    // Recorded once the camera's answer is complete, whatever the client does next.
                    return res.send(body.retain().doOnNext(b -> {
                        byte[] bytes = new byte[b.readableBytes()];
                        b.getBytes(b.readerIndex(), bytes);
                        copy.writeBytes(bytes);
                    }).doOnComplete(() -> {
                        QueryStringDecoder q = new QueryStringDecoder(req.uri());
                        interactions.add(new Interaction(req.method().name(), q.path(),
                                new LinkedHashMap<>(q.parameters()), requestHeaders, requestBody, up.status().code(),
                                responseHeaders, copy.toByteArray()));
                    })).then();
                })
                .then()
                // The camera cut the answer short: cut the client's connection too.
                .onErrorResume(e -> Mono.fromRunnable(() -> res.withConnection(Connection::dispose)));
    }

    /** {@code http://127.0.0.1:<port>}: point the client here. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** What passed, in order of completion, once every exchange in flight has finished. */
    List<Interaction> interactions() {
        Mono.fromCallable(() -> pending.get() == 0).filter(Boolean::booleanValue)
                .repeatWhenEmpty(r -> r.delayElements(Duration.ofMillis(10)))
                .block(Duration.ofSeconds(10));
        return List.copyOf(interactions);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
