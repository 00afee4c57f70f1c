package io.camrig.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * JSON in and out for the routes: bodies of at most {@value #MAX_BODY} bytes parsed as one JSON
 * object, answers rendered with the service's mapper, errors as
 * {@code {"error":{"status":…,"message":…}}}. Every answer says {@code Cache-Control: no-store}.
 */
public final class HttpIo {
    /** The largest request body accepted, bytes. */
    public static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    public HttpIo(ObjectMapper json) {
        this.json = json;
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** The request's body as a JSON object; empty body gives {@code {}}. */
    public Mono<JsonNode> body(HttpServerRequest req) {
        String length = req.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > MAX_BODY) {
            return Mono.error(new ApiException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the body is over " + MAX_BODY + " bytes"));
        }
        return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(text -> {
                    if (text.length() > MAX_BODY) {
                        throw new ApiException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                                "the body is over " + MAX_BODY + " bytes");
                    }
                    if (text.isBlank()) {
                        return json.createObjectNode();
                    }
                    try {
                        JsonNode node = json.readTree(text);
                        if (!node.isObject()) {
                            throw ApiException.badRequest("the body must be a JSON object");
                        }
                        return node;
                    } catch (JsonProcessingException e) {
                        throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
                    }
                });
    }

    /** Answers {@code status} with {@code value} as JSON. */
    public Publisher<Void> send(HttpServerResponse res, HttpResponseStatus status, Object value) {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return error(res, HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot render the answer");
        }
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .sendString(Mono.just(text), StandardCharsets.UTF_8);
    }

    /** Answers 200 with the value the Mono yields, or the error it fails with. */
    public Publisher<Void> ok(HttpServerResponse res, Mono<?> value) {
        return value.flatMap(v -> Mono.from(send(res, HttpResponseStatus.OK, v)))
                .onErrorResume(e -> Mono.from(failure(res, e)));
    }

    /** The answer for an error: an {@link ApiException}'s own status, 400 for bad arguments, else 500. */
    public Publisher<Void> failure(HttpServerResponse res, Throwable e) {
        if (e instanceof ApiException a) {
            return error(res, a.status(), a.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return error(res, HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        return error(res, HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Answers an error status with {@code {"error":{"status":…,"message":…}}}. */
    public Publisher<Void> error(HttpServerResponse res, HttpResponseStatus status, String message) {
        ObjectNode root = json.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("status", status.code());
        err.put("message", message == null ? status.reasonPhrase() : message);
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .sendString(Mono.just(root.toString()), StandardCharsets.UTF_8);
    }
}
