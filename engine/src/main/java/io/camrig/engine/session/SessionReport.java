package io.camrig.engine.session;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a session came to: one report per camera and the rig figures.
 *
 * @param cameras              per-camera reports, in rig order
 * @param fireSkewMicros       max − min of the instants the shutter-on writes were issued, µs
 * @param encodingSpreadMillis max − min of the instants "encoding started" arrived, ms
 * @param elapsedMillis        wall-clock length of the session, ms
 */
public record SessionReport(List<CameraReport> cameras, OptionalLong fireSkewMicros,
                            OptionalDouble encodingSpreadMillis, long elapsedMillis) {
    public SessionReport {
        cameras = List.copyOf(cameras);
    }

    /** {@code true} when every camera succeeded in every step. */
    public boolean allOk() {
        return !cameras.isEmpty() && cameras.stream().allMatch(CameraReport::ok);
    }

    /** How many cameras succeeded. */
    public long succeeded() {
        return cameras.stream().filter(CameraReport::ok).count();
    }
}
