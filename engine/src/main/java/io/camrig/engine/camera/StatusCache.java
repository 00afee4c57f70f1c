package io.camrig.engine.camera;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last known value of each status the camera reported. Written on the camera's worker, read
 * from anywhere.
 */
final class StatusCache {
    private final Map<Integer, Long> values = new ConcurrentHashMap<>();

    void put(int statusId, long value) {
        values.put(statusId, value);
    }

    Optional<Long> get(int statusId) {
        return Optional.ofNullable(values.get(statusId));
    }

    /** {@code true} when the status is known and non-zero. */
    boolean isSet(int statusId) {
        Long v = values.get(statusId);
        return v != null && v != 0;
    }

    /** {@code true} when the status is known and zero. */
    boolean isClear(int statusId) {
        Long v = values.get(statusId);
        return v != null && v == 0;
    }

    Map<Integer, Long> snapshot() {
        return Map.copyOf(values);
    }
}
