/**
 * The coordinator: {@link io.camrig.cluster.coordinator.DistributedRig}, the
 * {@link io.camrig.engine.rig.RigApi} across the nodes on a broker — commands by request id with
 * per-camera results, node loss as typed failures, the clock exchanges' answering side, and fire
 * at one instant across hosts.
 */
package io.camrig.cluster.coordinator;
