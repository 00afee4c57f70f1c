package io.camrig.http.api;

import static io.camrig.http.HttpExchange.params;

import io.camrig.http.HttpExchange;
import io.camrig.http.model.CameraControlStatus;
import io.netty.handler.codec.http.HttpMethod;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Operations of the spec's {@code Control} and {@code Analytics} tags: keep-alive, shutter,
 * camera control, wired USB control, digital zoom, date and time, camera name, turbo transfer,
 * labs QR codes, sleep and reset.
 *
 * <p>Each returns a cold {@link Mono} that sends one request per subscription and completes when
 * the camera answered 2xx (its body is {@code {}}). Errors: {@link
 * io.camrig.http.HttpTransportException} (refused, timed out, 5xx such as 503 while busy), {@link
 * io.camrig.http.HttpStatusException} (4xx). Nothing is retried.
 */
public final class ControlApi {
    static final String KEEP_ALIVE = "/gopro/camera/keep_alive";
    static final String SHUTTER = "/gopro/camera/shutter/";
    static final String TURBO = "/gopro/media/turbo_transfer";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH_mm_ss");

    private final HttpExchange http;

    public ControlApi(HttpExchange http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * {@code GET /gopro/camera/keep_alive} ({@code OGP_KEEP_ALIVE}): resets the camera's sleep
     * timer. The spec advises one every 3 s; scheduling them is the engine's job.
     */
    public Mono<Void> keepAlive() {
        return http.getEmpty(KEEP_ALIVE, Map.of());
    }

    /**
     * {@code GET /gopro/camera/shutter/start} or {@code …/stop} ({@code OGP_SHUTTER}): starts or
     * stops capture in the current preset. A busy camera answers 503 (transient); check
     * readiness first rather than resending blindly.
     */
    public Mono<Void> shutter(boolean on) {
        return http.getEmpty(SHUTTER + (on ? "start" : "stop"), Map.of());
    }

    /**
     * {@code GET /gopro/camera/control/set_ui_controller?p=} ({@code
     * OGP_SET_CAMERA_CONTROL_STATUS}): claims ({@link CameraControlStatus#EXTERNAL}) or releases
     * ({@link CameraControlStatus#IDLE}) control of the camera.
     */
    public Mono<Void> setCameraControl(CameraControlStatus status) {
        return http.getEmpty("/gopro/camera/control/set_ui_controller", params("p", status.value()));
    }

    /**
     * {@code GET /gopro/camera/control/wired_usb?p=} ({@code OGP_SET_WIRED_USB_CONTROL}): enables
     * (before HTTP over USB) or disables wired USB control.
     */
    public Mono<Void> wiredUsbControl(boolean enable) {
        return http.getEmpty("/gopro/camera/control/wired_usb", params("p", enable ? 1 : 0));
    }

    /**
     * {@code GET /gopro/camera/digital_zoom?percent=} ({@code OGP_DIGITAL_ZOOM_SET}).
     *
     * @param percent zoom, 0 (none) to 100 (most)
     * @throws IllegalArgumentException when outside 0..100
     */
    public Mono<Void> digitalZoom(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("zoom percent must be 0..100, was " + percent);
        }
        return http.getEmpty("/gopro/camera/digital_zoom", params("percent", percent));
    }

    /**
     * {@code GET /gopro/camera/set_date_time?date=&time=&tzone=&dst=} ({@code
     * OGP_SET_DATE_AND_TIME_DST}): sets the clock, to the second.
     *
     * @param local local date and time; fractions of a second are dropped
     * @param utcOffsetMinutes offset from UTC in minutes, for example -480 (-12 h .. +14 h)
     * @param daylightSaving whether DST is in effect
     * @throws IllegalArgumentException when the offset is outside -720..840 or the year outside
     *     2000..2099
     */
    public Mono<Void> setDateTime(LocalDateTime local, int utcOffsetMinutes, boolean daylightSaving) {
        Objects.requireNonNull(local, "local");
        if (utcOffsetMinutes < -720 || utcOffsetMinutes > 840) {
            throw new IllegalArgumentException("UTC offset must be -720..840 minutes, was " + utcOffsetMinutes);
        }
        if (local.getYear() < 2000 || local.getYear() > 2099) {
            throw new IllegalArgumentException("year must be 2000..2099, was " + local.getYear());
        }
        return http.getEmpty("/gopro/camera/set_date_time", params("date", DATE.format(local),
                "time", TIME.format(local), "tzone", utcOffsetMinutes, "dst", daylightSaving ? 1 : 0));
    }

    /**
     * {@code PUT /gopro/camera/name} ({@code GPCAMERA_SET_CAMERA_NAME}) with {@code {"value":
     * name}}.
     *
     * @throws IllegalArgumentException when the name is empty
     */
    public Mono<Void> setName(String name) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("camera name must not be empty");
        }
        return http.send(HttpMethod.PUT, "/gopro/camera/name", Map.of(), HttpExchange.toJson(Map.of("value", name)))
                .then();
    }

    /**
     * {@code GET /gopro/media/turbo_transfer?p=} ({@code OGP_TURBO_MODE_ENABLE}): turbo transfer
     * speeds up media offload over Wi-Fi; use it only while offloading (it also shows the
     * transfer screen on the camera) and switch it off after.
     */
    public Mono<Void> turboTransfer(boolean on) {
        return http.getEmpty(TURBO, params("p", on ? 1 : 0));
    }

    /**
     * {@code GET /gopro/camera/analytics/set_client_info} ({@code OGP_SET_ANALYTICS}): tells the
     * camera a third-party client is connected.
     */
    public Mono<Void> setThirdPartyClient() {
        return http.getEmpty("/gopro/camera/analytics/set_client_info", Map.of());
    }

    /**
     * {@code GET /gopro/qrcode?labs=1&code=} ({@code OGP_LABS_QR_CODE}): runs a GoPro Labs
     * command as if its QR code were scanned. Needs Labs firmware: otherwise 500 (transient by
     * status, permanent in fact).
     *
     * @param code the Labs command, at most 400 characters, for example {@code !MPRXY=1}
     */
    public Mono<Void> labsCommand(String code) {
        if (Objects.requireNonNull(code, "code").isEmpty() || code.length() > 400) {
            throw new IllegalArgumentException("a Labs code has 1..400 characters");
        }
        return http.getEmpty("/gopro/qrcode", params("labs", 1, "code", code));
    }

    /** {@code GET /gp/gpControl/command/system/sleep} ({@code GPCAMERA_POWER_ID}): puts the camera to sleep. */
    public Mono<Void> sleep() {
        return http.getEmpty("/gp/gpControl/command/system/sleep", Map.of());
    }

    /** {@code GET /gp/gpControl/command/system/reset} ({@code GPCAMERA_SYSTEM_RESET}): factory reset. */
    public Mono<Void> factoryReset() {
        return http.getEmpty("/gp/gpControl/command/system/reset", Map.of());
    }
}
