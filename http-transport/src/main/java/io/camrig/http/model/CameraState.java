package io.camrig.http.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Every status and setting of the camera, as {@code GET /gopro/camera/state} ({@code
 * OGP_GET_STATE}, schema {@code State}) reports them, keyed by id. Values are {@link Long} for
 * numbers (cameras may send them as JSON strings of digits) or {@link String} for text statuses
 * (29 Wi-Fi SSID, 30 AP SSID …). Readiness follows the spec's "State Management": busy is status
 * 8, encoding is status 10.
 *
 * @param statuses status id → value, ascending ids
 * @param settings setting id → option id, ascending ids
 */
public record CameraState(Map<Integer, Object> statuses, Map<Integer, Object> settings) {
    /** Status id: the system is busy (loading presets, changing settings …). */
    public static final int STATUS_BUSY = 8;
    /** Status id: encoding (capturing media) is active. */
    public static final int STATUS_ENCODING = 10;

    public CameraState {
        statuses = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(statuses)));
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(settings)));
    }

    /** A numeric status, empty when absent or text. */
    public OptionalLong status(int id) {
        return number(statuses.get(id));
    }

    /** A setting's current option, empty when absent. */
    public OptionalLong setting(int id) {
        return number(settings.get(id));
    }

    /** {@code true} when status 8 (busy) is 1. */
    public boolean busy() {
        return status(STATUS_BUSY).orElse(0) == 1;
    }

    /** {@code true} when status 10 (encoding) is 1. */
    public boolean encoding() {
        return status(STATUS_ENCODING).orElse(0) == 1;
    }

    /** Neither busy nor encoding: the camera accepts commands. */
    public boolean ready() {
        return !busy() && !encoding();
    }

    private static OptionalLong number(Object v) {
        return v instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }
}
