package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import io.camrig.http.HttpExchange;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * The spec's {@code Preview Stream} tag: the camera sends a low-latency preview as UDP MPEG-TS to
 * the client that asked (port 8554 unless another is given). Errors: {@link
 * io.camrig.http.HttpTransportException}, {@link io.camrig.http.HttpStatusException}.
 */
public final class StreamApi {
    private final HttpExchange http;

    public StreamApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code GET /gopro/camera/stream/start[?port=]} ({@code OGP_PREVIEW_STREAM_START}).
     *
     * @param port the UDP port to stream to, 1..65535; empty for the camera's default (8554)
     * @throws IllegalArgumentException when the port is out of range
     */
    public Mono<Void> startPreview(OptionalInt port) {
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port.getAsInt());
        }
        return http.getEmpty("/gopro/camera/stream/start",
                port.isPresent() ? params("port", port.getAsInt()) : Map.of());
    }

    /** {@code GET /gopro/camera/stream/stop} ({@code OGP_PREVIEW_STREAM_STOP}). */
    public Mono<Void> stopPreview() {
        return http.getEmpty("/gopro/camera/stream/stop", Map.of());
    }
}
