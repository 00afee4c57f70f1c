package io.camrig.engine.camera;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference counts of a camera's push registrations, so that cancelling one subscription
 * unregisters only what no other subscription still needs. A camera keeps one registration per id
 * and connection; registering twice is harmless, unregistering once ends it for every subscriber.
 *
 * <p>Keys are a registration kind and an id (a status or setting id, or a protobuf enum value).
 * Thread-safe.
 */
final class PushRegistry {
    /** What a registration is for. */
    enum Kind { STATUS, SETTING_VALUE, SETTING_CAPABILITY, PRESET, LIVESTREAM, COHN }

    private final Map<String, Integer> counts = new HashMap<>();

    /** Counts one more subscriber for each id. */
    synchronized void acquire(Kind kind, int... ids) {
        for (int id : ids) {
            counts.merge(kind + ":" + id, 1, Integer::sum);
        }
    }

    /** Counts one subscriber less for each id; returns the ids nobody needs any more. */
    synchronized int[] release(Kind kind, int... ids) {
        List<Integer> free = new ArrayList<>();
        for (int id : ids) {
            String key = kind + ":" + id;
            Integer left = counts.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
            if (left == null) {
                free.add(id);
            }
        }
        return free.stream().mapToInt(Integer::intValue).toArray();
    }
}
