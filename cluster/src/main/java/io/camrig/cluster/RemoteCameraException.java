package io.camrig.cluster;

import io.camrig.proto.error.CamrigException;

/**
 * A camera's step failed on its node; the node reported the error's type and message (the
 * exception itself stays on the node). Transient when the node said so.
 */
public class RemoteCameraException extends CamrigException {
    private final String node;
    private final String remoteType;
    private final boolean transientError;

    public RemoteCameraException(String node, String camera, String operation, String remoteType, String message,
                                 boolean transientError) {
        super(remoteType + " on node " + node + ": " + message, camera, operation, null);
        this.node = node;
        this.remoteType = remoteType;
        this.transientError = transientError;
    }

    /** The node that reported it. */
    public String node() {
        return node;
    }

    /** The simple class name of the error on the node, e.g. {@code ExchangeTimeoutException}. */
    public String remoteType() {
        return remoteType;
    }

    @Override
    public boolean isTransient() {
        return transientError;
    }
}
