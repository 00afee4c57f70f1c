package io.camrig.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Reads a response body into memory up to a cap. An announced {@code Content-Length} over the
 * cap fails before any body byte is read; a chunked (or lying) body fails as soon as the bytes
 * received pass the cap. Either way the error cancels the body, which releases the buffers
 * received and closes the connection: at most the cap plus one network read is ever held.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    /**
     * The whole body as one response, or {@link HttpBodyTooLargeException}.
     *
     * @param maxBytes the cap, bytes
     */
    static Mono<HttpExchange.Response> read(HttpClientResponse response, ByteBufFlux body, int maxBytes,
            HttpErrors errors, String operation) {
        long declared = declaredLength(response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH));
        if (declared > maxBytes) {
            return Mono.error(tooLarge(errors, operation, maxBytes,
                    "camera announced a body of " + declared + " bytes"));
        }
        return body.asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (sink, chunk) -> {
                    if ((long) sink.size() + chunk.length > maxBytes) {
                        throw tooLarge(errors, operation, maxBytes, "body passed the cap while streaming");
                    }
                    sink.writeBytes(chunk);
                    return sink;
                })
                .map(sink -> new HttpExchange.Response(response.status().code(), response.status().reasonPhrase(),
                        response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, ""), sink.toByteArray()));
    }

    /** The announced length; -1 when absent or unreadable (Netty's decoder rejects a malformed one). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HttpBodyTooLargeException tooLarge(HttpErrors errors, String operation, int maxBytes,
            String what) {
        return new HttpBodyTooLargeException(what + "; the limit is " + maxBytes
                + " bytes (HttpOptions.maxBodyBytes)", errors.camera(), operation, maxBytes);
    }
}
