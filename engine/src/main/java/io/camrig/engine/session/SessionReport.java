package io.camrig.engine.session;

import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.FireResult;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a session came to: one report per camera and the rig figures of the shutter-on fire.
 *
 * @param cameras       per-camera reports, in rig order
 * @param fire          the first cycle's shutter-on fire, or {@code null} when it never happened
 * @param cycles        one report per record cycle
 * @param metrics       the rig's meters at the end of the session
 * @param elapsedMillis wall-clock length of the session, ms
 */
public record SessionReport(List<CameraReport> cameras, FireResult fire, List<CycleReport> cycles,
                            RigMetrics metrics, long elapsedMillis) {
    public SessionReport {
        cameras = List.copyOf(cameras);
        cycles = List.copyOf(cycles);
    }

    /** max − min of the instants the shutter-on writes were issued, µs. */
    public OptionalLong fireSkewMicros() {
        return fire == null ? OptionalLong.empty() : fire.fireSkewMicros();
    }

    /** max − min of the predicted arrival instants of shutter on at the cameras, µs. */
    public OptionalLong predictedSpreadMicros() {
        return fire == null ? OptionalLong.empty() : fire.predictedSpreadMicros();
    }

    /** max − min of the estimated instants the cameras started encoding, µs. */
    public OptionalLong observedSpreadMicros() {
        return fire == null ? OptionalLong.empty() : fire.observedSpreadMicros();
    }

    /** max − min of the arrival of the "encoding on" status updates at the host, µs. */
    public OptionalLong encodingSpreadMicros() {
        return fire == null ? OptionalLong.empty() : fire.encodingSpreadMicros();
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
