package io.camrig.cluster;

import io.camrig.proto.error.TransientCamrigException;

/**
 * The node that drives a camera was lost: its Last Will said so (its process died, its host or
 * network went away), or it did not answer in time. The camera may come back when the node does.
 */
public class NodeGoneException extends TransientCamrigException {
    private final String node;

    public NodeGoneException(String node, String camera, String operation, String why) {
        super("node " + node + " gone: " + why, camera, operation, null);
        this.node = node;
    }

    /** The lost node's id. */
    public String node() {
        return node;
    }
}
