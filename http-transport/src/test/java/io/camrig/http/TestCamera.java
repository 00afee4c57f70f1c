package io.camrig.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.URI;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * A tiny Reactor Netty server on 127.0.0.1 with an ephemeral port, routed per test. Closing it
 * also closes its open connections, so no pooled connection outlives the test.
 */
public final class TestCamera implements AutoCloseable {
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final DisposableServer server;

    private TestCamera(Consumer<? super HttpServerRoutes> routes) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, remote) -> connections.add(channel))
                .route(routes)
                .bindNow();
    }

    public static TestCamera serve(Consumer<? super HttpServerRoutes> routes) {
        return new TestCamera(routes);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** Deterministic test content of {@code size} bytes. */
    public static byte[] content(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >>> 9));
        }
        return b;
    }

    /** {@code bytes} split into chunks of {@code chunk} bytes. */
    public static Flux<ByteBuf> chunks(byte[] bytes, int chunk) {
        int count = (bytes.length + chunk - 1) / chunk;
        return Flux.range(0, count).map(i -> {
            int off = i * chunk;
            return Unpooled.wrappedBuffer(bytes, off, Math.min(chunk, bytes.length - off));
        });
    }

    @Override
    public void close() {
        server.disposeNow();
        connections.close().awaitUninterruptibly();
    }
}
