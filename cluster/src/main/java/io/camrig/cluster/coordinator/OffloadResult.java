package io.camrig.cluster.coordinator;

import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.engine.take.TakeCamera;
import java.util.Map;
import java.util.Optional;

/**
 * What the nodes stored of one take ({@link DistributedRig#offload}).
 *
 * @param outcomes per camera: ok (every file verified on its node), failed with the node's typed
 *                 error ({@link io.camrig.cluster.RemoteCameraException}), or failed with
 *                 {@link io.camrig.cluster.NodeGoneException} when its node was lost or did not answer
 * @param cameras  per camera that its node answered for: its part of the take as the node stored
 *                 it ({@code node} set), also when its offload failed (with what did land)
 */
public record OffloadResult(RigResult<Void> outcomes, Map<RigMember, TakeCamera> cameras) {
    public OffloadResult {
        cameras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cameras));
    }

    /** The member's part of the take, when its node answered. */
    public Optional<TakeCamera> camera(RigMember m) {
        return Optional.ofNullable(cameras.get(m));
    }
}
