package io.camrig.cluster.wire;

import io.camrig.engine.take.TakeCamera;
import java.util.Map;

/**
 * One camera's outcome in a {@link Reply}.
 *
 * @param index         1-based position in the node's rig
 * @param name          advertised name
 * @param status        {@code ok}, {@code failed} or {@code skipped}
 * @param latencyMicros how long the camera's part took, µs
 * @param value         a number the step yields (latency ns; for a fire the write or encoding
 *                      instant in the coordinator's clock, ns), or null
 * @param values        status id → value (for {@code statuses}), or null
 * @param hostNanos     for a fire: the same instant as {@code value} in the node's
 *                      {@code System.nanoTime()} (comparable across processes of one machine
 *                      only; tests and benchmarks on one machine use it as ground truth), or null
 * @param error         the failure's type (simple class name), or null
 * @param message       the failure's message or the skip's reason (never a secret), or null
 * @param oneWayNanos   the camera's estimated one-way command latency on its node, ns, or null
 * @param take          for {@code offload}: the camera's entry in the take as its node stored it
 *                      (identity, steps, files with folder, name, size, SHA-256, path relative to
 *                      the take's directory, footage facts; the take manifest's camera schema), also
 *                      when the offload failed (then with what did land), or null
 */
public record CameraEntry(int index, String name, String status, long latencyMicros, Long value,
                          Map<Integer, Long> values, Long hostNanos, String error, String message,
                          Long oneWayNanos, TakeCamera take) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    /** An entry without a take. */
    public CameraEntry(int index, String name, String status, long latencyMicros, Long value,
                       Map<Integer, Long> values, Long hostNanos, String error, String message, Long oneWayNanos) {
        this(index, name, status, latencyMicros, value, values, hostNanos, error, message, oneWayNanos, null);
    }
}
