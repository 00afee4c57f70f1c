/**
 * The node agent ({@code camrig node}): drives this host's cameras with the engine's
 * {@link io.camrig.engine.rig.Rig}, keeps its presence on the broker, runs the coordinator's
 * commands once per request id, keeps its clock offset to the coordinator, and releases fires at
 * the coordinator's instant on its own fire thread.
 */
package io.camrig.cluster.node;
