package io.camrig.cluster.node;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One camera's clock set from the coordinator's time.
 *
 * @param index the camera's rig index on its node
 * @param node the node that set it
 * @param value the date and time sent (whole seconds, the node's time zone)
 * @param coordinatorNanos the coordinator instant {@code value} stands for, ns since the epoch
 * @param offsetNanos the node's clock offset applied (coordinator − node), ns
 * @param uncertaintyNanos the camera's clock is within ± this of the coordinator's: the
 *     offset's uncertainty plus half the command's round trip, ns
 * @param errorNanos the camera's clock less the coordinator's right after the set, as estimated
 *     from the command's round trip (the timer's and the link's lateness), ns
 */
public record CameraClockSet(int index, String node, String value, long coordinatorNanos, long offsetNanos,
                             long uncertaintyNanos, long errorNanos) {
    /** The take manifest's {@code cameraClock} extension: what was set, how, and how well (ms). */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "coordinator");
        m.put("value", value);
        m.put("setAt", Instant.ofEpochSecond(0, coordinatorNanos).toString());
        m.put("node", node);
        m.put("offsetMs", offsetNanos / 1e6);
        m.put("uncertaintyMs", uncertaintyNanos / 1e6);
        m.put("errorMs", errorNanos / 1e6);
        return m;
    }
}
