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

    /**
     * {@code true} when every camera succeeded in every step and every take succeeded (all
     * cameras completed it, within the sync tolerance, footage agreeing with the fire).
     */
    public boolean allOk() {
        return !cameras.isEmpty() && cameras.stream().allMatch(CameraReport::ok) && failedTakes().isEmpty()
                && !cycles.isEmpty();
    }

    /**
     * How many cameras succeeded: ok at the end and ok in every take (a camera that missed a
     * take and was recovered later does not count).
     */
    public long succeeded() {
        return cameras.stream().filter(c -> c.ok() && cycles.stream()
                .allMatch(cy -> "ok".equals(cy.outcomes().get(c.name())))).count();
    }

    /** The takes (cycles) that failed: a camera missed it, or it was out of sync. */
    public List<CycleReport> failedTakes() {
        return cycles.stream().filter(c -> !c.ok()).toList();
    }
}
