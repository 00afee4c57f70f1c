package io.camrig.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.HttpExchange;
import io.camrig.http.model.CameraClock;
import io.camrig.http.model.CameraInfo;
import io.camrig.http.model.CameraState;
import io.netty.handler.codec.http.HttpMethod;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * Operations of the spec's {@code Query} tag: camera state, info, clock, name and Open GoPro
 * version. Each returns a cold {@link Mono}, one request per subscription. Errors: {@link
 * io.camrig.http.HttpTransportException}, {@link io.camrig.http.HttpStatusException} (501 when
 * the camera does not support the operation), {@link io.camrig.http.MediaFormatException} when a
 * required field is missing or malformed.
 */
public final class QueryApi {
    static final String STATE = "/gopro/camera/state";
    static final String INFO = "/gopro/camera/info";
    static final String DATE_TIME = "/gopro/camera/get_date_time";
    static final String NAME = "/gopro/camera/name";
    static final String VERSION = "/gopro/version";

    private final HttpExchange http;

    public QueryApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code GET /gopro/camera/state} ({@code OGP_GET_STATE}): every status and setting.
     *
     * @return the state; {@link io.camrig.http.MediaFormatException} when {@code status} or
     *     {@code settings} is not an object or a value is neither a number nor a string
     */
    public Mono<CameraState> state() {
        return http.getJson(STATE, Map.of()).map(root -> decodeState(root, fields(STATE)));
    }

    static CameraState decodeState(JsonNode root, JsonFields f) {
        f.object(root, "$");
        return new CameraState(values(f.object(root.get("status"), "status"), "status", f),
                values(f.object(root.get("settings"), "settings"), "settings", f));
    }

    private static Map<Integer, Object> values(JsonNode object, String path, JsonFields f) {
        Map<Integer, Object> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int id;
            try {
                id = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                continue;   // not an id: a newer camera's extra member
            }
            JsonNode v = e.getValue();
            if (v.isIntegralNumber()) {
                out.put(id, v.asLong());
            } else if (v.isBoolean()) {
                out.put(id, v.asBoolean() ? 1L : 0L);
            } else if (v.isTextual()) {
                OptionalLong n = parse(v.asText());
                out.put(id, n.isPresent() ? (Object) n.getAsLong() : v.asText());
            } else if (!v.isNull()) {
                throw f.fail(path + "." + e.getKey(), "neither a number nor a string");
            }
        }
        return out;
    }

    private static OptionalLong parse(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * {@code GET /gopro/camera/info} ({@code OGP_CAMERA_INFO}): model, firmware, serial number,
     * AP SSID and MAC.
     *
     * @return the info; {@link io.camrig.http.MediaFormatException} without {@code serial_number}
     */
    public Mono<CameraInfo> info() {
        JsonFields f = fields(INFO);
        return http.getJson(INFO, Map.of()).map(root -> {
            f.object(root, "$");
            String serial = f.text(root, "serial_number");
            if (serial.isEmpty()) {
                throw f.fail("serial_number", "empty");
            }
            return new CameraInfo(f.textOr(root, "model_name", ""), f.intOr(root, "model_number", 0),
                    f.textOr(root, "firmware_version", ""), serial, f.textOr(root, "ap_ssid", ""),
                    f.textOr(root, "ap_mac_addr", ""));
        });
    }

    /**
     * {@code GET /gopro/camera/get_date_time} ({@code OGP_GET_DATE_AND_TIME_DST}).
     *
     * @return the clock; {@link io.camrig.http.MediaFormatException} when {@code date} ({@code
     *     yyyy_MM_dd}) or {@code time} ({@code HH_mm_ss}) is missing or malformed
     */
    public Mono<CameraClock> dateTime() {
        JsonFields f = fields(DATE_TIME);
        return http.getJson(DATE_TIME, Map.of()).map(root -> {
            f.object(root, "$");
            LocalDateTime at;
            try {
                String[] d = f.text(root, "date").trim().split("_");
                String[] t = f.text(root, "time").trim().split("_");
                at = LocalDateTime.of(LocalDate.of(Integer.parseInt(d[0]), Integer.parseInt(d[1]),
                        Integer.parseInt(d[2])), LocalTime.of(Integer.parseInt(t[0]), Integer.parseInt(t[1]),
                        Integer.parseInt(t[2])));
            } catch (RuntimeException e) {
                if (e instanceof io.camrig.http.MediaFormatException m) {
                    throw m;
                }
                throw f.fail("date/time", "not yyyy_MM_dd and HH_mm_ss");
            }
            OptionalLong tz = f.optNumber(root, "tzone");
            return new CameraClock(at, tz.isPresent() ? OptionalInt.of((int) tz.getAsLong()) : OptionalInt.empty(),
                    f.optFlag(root, "dst"));
        });
    }

    /** {@code GET /gopro/camera/name} ({@code GPCAMERA_GET_CAMERA_NAME}): the camera's name ({@code value}). */
    public Mono<String> name() {
        JsonFields f = fields(NAME);
        return http.getJson(NAME, Map.of()).map(root -> f.text(f.object(root, "$"), "value"));
    }

    /**
     * {@code GET /gopro/version} ({@code GPCAMERA_OPENGOPRO_VERSION}): the Open GoPro API version,
     * for example {@code "2.0"}.
     */
    public Mono<String> openGoProVersion() {
        JsonFields f = fields(VERSION);
        return http.getJson(VERSION, Map.of()).map(root -> f.text(f.object(root, "$"), "version"));
    }

    private JsonFields fields(String path) {
        return new JsonFields(http.camera(), HttpExchange.operation(HttpMethod.GET, path));
    }
}
