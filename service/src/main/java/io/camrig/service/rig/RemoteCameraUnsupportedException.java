package io.camrig.service.rig;

import io.camrig.engine.rig.RigMember;

/**
 * The operation needs a camera of this host, and this camera is driven by another node of a
 * distributed rig whose broker does not carry it (live reads, downloads, or settings and presets
 * when the rig was given no {@link NodeOps}). Run the operation on that node's host (its own CLI)
 * instead.
 */
public final class RemoteCameraUnsupportedException extends UnsupportedOperationException {
    public RemoteCameraUnsupportedException(RigMember m, String step) {
        super(m.advertisedName() + " is driven by node " + m.node().orElse("?") + ": '" + step
                + "' is not carried over the broker; run it on that node's host");
    }
}
