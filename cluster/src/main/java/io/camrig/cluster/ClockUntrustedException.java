package io.camrig.cluster;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A node refused to arm (or fire): its clock's offset to the coordinator is not known well
 * enough — its uncertainty is above the limit, or there is no estimate. The message carries the
 * figures, in ms.
 */
public class ClockUntrustedException extends PermanentCamrigException {
    public ClockUntrustedException(String message, String camera, String operation) {
        super(message, camera, operation, null);
    }

    /** The message for an estimate above the limit. */
    public static String describe(String node, long offsetNanos, long uncertaintyNanos, long limitNanos) {
        return String.format("clock of node %s not trusted: offset %.3f ms ± %.3f ms, limit %.3f ms", node,
                offsetNanos / 1e6, uncertaintyNanos / 1e6, limitNanos / 1e6);
    }
}
