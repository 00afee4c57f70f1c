/**
 * Rigs across hosts: a node agent per host ({@link io.camrig.cluster.node}) drives that host's
 * cameras with the engine, and a coordinator ({@link io.camrig.cluster.coordinator}) offers the
 * {@link io.camrig.engine.rig.RigApi} across every node, over an MQTT 5 broker (embedded HiveMQ
 * CE, {@link io.camrig.cluster.broker}, or any MQTT 5 broker). The topic tree is {@link Topics};
 * payloads are in {@link io.camrig.cluster.wire}; docs/multi-host.md describes both.
 */
package io.camrig.cluster;
