package io.camrig.cluster.wire;

import java.util.List;

/**
 * Fire at one instant, on {@code camrig/v1/coord/fire} (QoS 1, MQTT message expiry 1 s — the
 * shortest the protocol can express, in whole seconds). Each node releases each camera's write at
 * {@code atNanos} − that camera's latency, converted into its own clock; a node that gets the
 * message after {@code expiresAtNanos} (in the coordinator's clock, by its estimate), or whose
 * clock is not trusted, refuses rather than fires late.
 *
 * @param id             request id
 * @param on             shutter on or off
 * @param atNanos        instant T at which the commands should reach the cameras, coordinator clock
 * @param expiresAtNanos last instant at which a node may still accept it, coordinator clock
 * @param lateLimitNanos how late a node's release may be before it refuses, ns
 * @param nodes          the nodes that armed and take part
 */
public record Fire(String id, boolean on, long atNanos, long expiresAtNanos, long lateLimitNanos, List<String> nodes) {
    public Fire {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
