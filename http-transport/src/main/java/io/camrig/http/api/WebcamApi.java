package io.camrig.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.model.WebcamStart;
import io.camrig.http.model.WebcamStatus;
import io.camrig.http.model.WebcamVersion;
import io.netty.handler.codec.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The spec's {@code Webcam} tag: start, stop, preview, exit, status and version. Cameras that
 * do not offer webcam mode on this link (HERO9 to HERO11 on Wi-Fi) answer 501: {@link
 * io.camrig.http.HttpStatusException} with status 501, permanent. Other errors: {@link
 * io.camrig.http.HttpTransportException}, {@link io.camrig.http.MediaFormatException}.
 */
public final class WebcamApi {
    static final String STATUS = "/gopro/webcam/status";
    static final String VERSION = "/gopro/webcam/version";

    private final HttpExchange http;

    public WebcamApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** {@code GET /gopro/webcam/start[?res=&fov=&port=&protocol=]} ({@code GPCAMERA_WEBCAM_START_OGP}). */
    public Mono<Void> start(WebcamStart options) {
        Map<String, Object> q = new LinkedHashMap<>();
        options.resolution().ifPresent(v -> q.put("res", v));
        options.fov().ifPresent(v -> q.put("fov", v));
        options.port().ifPresent(v -> q.put("port", v));
        options.protocol().ifPresent(v -> q.put("protocol", v));
        return http.getEmpty("/gopro/webcam/start", q);
    }

    /** {@code GET /gopro/webcam/stop} ({@code GPCAMERA_WEBCAM_STOP_OGP}). */
    public Mono<Void> stop() {
        return http.getEmpty("/gopro/webcam/stop", Map.of());
    }

    /** {@code GET /gopro/webcam/preview} ({@code GPCAMERA_WEBCAM_PREVIEW_OGP}): low-power preview. */
    public Mono<Void> preview() {
        return http.getEmpty("/gopro/webcam/preview", Map.of());
    }

    /** {@code GET /gopro/webcam/exit} ({@code GPCAMERA_WEBCAM_EXIT_OGP}): leaves webcam mode. */
    public Mono<Void> exit() {
        return http.getEmpty("/gopro/webcam/exit", Map.of());
    }

    /** {@code GET /gopro/webcam/status} ({@code GPCAMERA_WEBCAM_STATUS_OGP}). */
    public Mono<WebcamStatus> status() {
        JsonFields f = new JsonFields(http.camera(), HttpExchange.operation(HttpMethod.GET, STATUS));
        return http.getJson(STATUS, Map.of()).map(root -> {
            JsonNode o = f.object(root, "$");
            return new WebcamStatus((int) f.number(o, "status"), f.intOr(o, "error", 0));
        });
    }

    /** {@code GET /gopro/webcam/version} ({@code GPCAMERA_WEBCAM_VERSION_OGP}). */
    public Mono<WebcamVersion> version() {
        JsonFields f = new JsonFields(http.camera(), HttpExchange.operation(HttpMethod.GET, VERSION));
        return http.getJson(VERSION, Map.of()).map(root -> {
            JsonNode o = f.object(root, "$");
            return new WebcamVersion((int) f.number(o, "version"), f.flag(o, "max_lens_support"),
                    f.flag(o, "usb_3_1_compatible"));
        });
    }
}
