package io.camrig.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** How the virtual camera reads requests and writes its JSON answers. */
final class Answers {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Answers() {
    }

    /** An answer with {@code Content-Type: application/json}. */
    static Mono<Void> json(HttpServerResponse res, int status, String body) {
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .sendString(Mono.just(body)).then();
    }

    static Mono<Void> json(HttpServerResponse res, Object body) {
        return json(res, 200, write(body));
    }

    /** 200 {@code {}}: the answer of every command. */
    static Mono<Void> ok(HttpServerResponse res) {
        return json(res, 200, "{}");
    }

    /** 400 {@code {}}: a missing or malformed parameter. */
    static Mono<Void> badRequest(HttpServerResponse res) {
        return json(res, 400, "{}");
    }

    /** 503 {@code {}}: the camera is busy (or encoding) and refuses the command. */
    static Mono<Void> busy(HttpServerResponse res) {
        return json(res, 503, "{}");
    }

    static Mono<Void> outcome(HttpServerResponse res, CameraHttpModel.Outcome outcome) {
        return switch (outcome) {
            case OK -> ok(res);
            case BUSY -> busy(res);
            case INVALID -> badRequest(res);
        };
    }

    /** A query parameter's first value. */
    static Optional<String> param(HttpServerRequest req, String name) {
        List<String> values = new QueryStringDecoder(req.uri()).parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A whole-number query parameter; empty when absent or malformed. */
    static OptionalLong number(HttpServerRequest req, String name) {
        Optional<String> v = param(req, name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A whole-number query parameter within {@code min..max}; empty otherwise. */
    static OptionalLong number(HttpServerRequest req, String name, long min, long max) {
        OptionalLong v = number(req, name);
        return v.isPresent() && v.getAsLong() >= min && v.getAsLong() <= max ? v : OptionalLong.empty();
    }

    /** The request body as JSON; an empty object when there is none or it is not JSON. */
    static Mono<JsonNode> body(HttpServerRequest req) {
        return req.receive().aggregate().asString().defaultIfEmpty("").map(s -> {
            try {
                JsonNode n = s.isBlank() ? null : MAPPER.readTree(s);
                return n == null ? MAPPER.createObjectNode() : n;
            } catch (JsonProcessingException e) {
                return MAPPER.createObjectNode();
            }
        });
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmodifiable map helper keeping insertion order. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
