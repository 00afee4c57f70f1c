package io.camrig.cli.http;

import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * A hostile camera on loopback that answers the first bytes of every connection with scripted raw
 * bytes (whatever the request), then closes. It can send what no HTTP server library would:
 * garbage, oversized headers, bytes after the body.
 */
final class ScriptedHttpCamera implements AutoCloseable {
    private final DisposableServer server;

    private ScriptedHttpCamera(Function<String, byte[]> answer) {
        this.server = TcpServer.create().host("127.0.0.1").port(0)
                .handle((in, out) -> in.receive().asString(StandardCharsets.ISO_8859_1).next()
                        .flatMap(request -> out.send(Mono.just(Unpooled.wrappedBuffer(answer.apply(request)))).then()))
                .bindNow();
    }

    /** Answers every request with {@code answer(requestHead)}. */
    static ScriptedHttpCamera answering(Function<String, byte[]> answer) {
        return new ScriptedHttpCamera(answer);
    }

    /** An HTTP/1.1 200 response with a JSON body, Content-Length set, then {@code trailing} bytes. */
    static byte[] json(String body, String trailing) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n";
        return (head + body + trailing).getBytes(StandardCharsets.UTF_8);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
