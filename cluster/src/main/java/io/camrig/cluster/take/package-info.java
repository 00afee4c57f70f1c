/**
 * Takes across hosts: the coordinator's one {@code take.json} for a fire on a
 * {@link io.camrig.cluster.coordinator.DistributedRig} — every camera with its node, the fire's
 * cross-node figures, what each node stored of its cameras' footage, and the footage spread across
 * all nodes' cameras ({@link io.camrig.cluster.take.ClusterTake}).
 */
package io.camrig.cluster.take;
