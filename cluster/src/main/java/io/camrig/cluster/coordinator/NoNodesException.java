package io.camrig.cluster.coordinator;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/** No node was online on the broker within the discovery window. */
public class NoNodesException extends TransientCamrigException {
    public NoNodesException(Duration waited) {
        super("no camrig node online on the broker after " + waited.toMillis() + " ms", null, "discover nodes", null);
    }
}
