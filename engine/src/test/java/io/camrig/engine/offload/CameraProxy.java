package io.camrig.engine.offload;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * One loopback address in front of whichever simulated camera {@link #target} names, as {@code
 * 10.5.5.9} is in front of whichever camera's AP the host is on: every request is forwarded there
 * ({@code Range} kept), 503 when none. {@code onRequest} sees each request's URI before it is
 * forwarded (to switch the target, or to look at the disk at that instant); {@link #requests}
 * lists them, with the camera each went to.
 */
final class CameraProxy implements AutoCloseable {
    final AtomicReference<URI> target = new AtomicReference<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    CameraProxy(Consumer<String> onRequest) {
        HttpClient forward = HttpClient.create();
        server = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> {
            onRequest.accept(req.uri());
            URI camera = target.get();
            requests.add(req.uri() + " -> " + camera);
            if (camera == null) {
                return res.status(503).send();
            }
            String range = req.requestHeaders().get(HttpHeaderNames.RANGE);
            return forward.headers(h -> {
                if (range != null) {
                    h.set(HttpHeaderNames.RANGE, range);
                }
            }).get().uri(camera.resolve(req.uri())).response((r, body) -> {
                res.status(r.status()).headers(r.responseHeaders());
                return res.send(body.retain());
            }).then();
        }).bindNow();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
