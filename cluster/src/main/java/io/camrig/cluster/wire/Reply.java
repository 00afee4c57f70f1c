package io.camrig.cluster.wire;

import java.util.List;

/**
 * A node's answer to a {@link Command} or a {@link Fire}, on {@code camrig/v1/node/{node}/reply}
 * (QoS 1): one entry per camera of the node.
 *
 * @param id       the request id answered
 * @param node     the answering node
 * @param op       the command's op, or {@code fire}
 * @param cameras  per-camera outcome (for a fire: of the shutter command)
 * @param encoding for a fire: per-camera outcome of waiting for encoding (status 10); else null
 * @param clock    the node's clock figures (with {@code arm} and {@code fire}); else null
 */
public record Reply(String id, String node, String op, List<CameraEntry> cameras, List<CameraEntry> encoding,
                    ClockFigures clock) {
    public Reply {
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        encoding = encoding == null ? null : List.copyOf(encoding);
    }

    /**
     * A node's estimate of its clock against the coordinator's.
     *
     * @param offsetNanos       coordinator clock − node clock, ns
     * @param uncertaintyNanos  half the round trip of the sample the estimate rests on, ns
     * @param samples           exchanges the estimate was chosen from
     * @param chronyOffsetNanos the offset {@code chronyc tracking} reports for this host against
     *                          its NTP source, ns, when chrony runs; else null
     */
    public record ClockFigures(long offsetNanos, long uncertaintyNanos, int samples, Long chronyOffsetNanos) {
    }
}
