package io.camrig.http.server;

import io.netty.channel.Channel;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Keeps an HTTP/1.1 keep-alive connection reading once a request is answered.
 *
 * <p>Reactor Netty 1.3.7 (the version camrig resolves) reads a server connection on demand and
 * re-arms the read when a request's operations terminate. A request that arrives before the
 * previous one's operations have terminated (the client got the answer and sent the next request
 * at once, or pipelined it) is queued; when that queued request is answered synchronously on the
 * event loop (a {@code Mono.fromSupplier} route, a 401, a static file), the queue drains without
 * any read being requested, and the connection never reads again: the client's next request
 * waits in the socket until the client gives up (reactor/reactor-netty issue 4361, fixed after
 * 1.3.7; 1.3.8 cannot resolve here, see STACK.md). Seen as {@code GET /api/takes} unanswered for
 * 30 s after {@code GET /api/cameras/1/settings} (answered later, from the camera) and
 * {@code GET /api/settings} (answered at once).
 *
 * <p>{@link #apply} adds a connection observer that, whenever a request's operations terminate,
 * asks the channel for one more read, on its event loop after the tasks already queued there
 * (the drain of the queue). A read requested while one is pending is a no-op; data read early is
 * queued by Reactor Netty like any keep-alive request.
 */
public final class KeepAliveReads {
    private KeepAliveReads() {
    }

    /** {@code server} with the read re-armed after every answered request. */
    public static HttpServer apply(HttpServer server) {
        return server.childObserve((connection, state) -> {
            if (state == ConnectionObserver.State.DISCONNECTING && connection instanceof HttpServerRequest) {
                Channel channel = connection.channel();
                channel.eventLoop().execute(() -> {
                    if (channel.isActive() && !channel.config().isAutoRead()) {
                        channel.read();
                    }
                });
            }
        });
    }
}
