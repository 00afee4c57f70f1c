/**
 * Clocks across hosts: each node estimates its offset to the coordinator's clock with NTP-style
 * exchanges over the broker (four timestamps, minimum round-trip filter), so that an instant in the
 * coordinator's clock becomes an instant on the node's monotonic clock; plus {@code chronyc}'s own
 * figure where chrony runs. Clocks are injectable ({@link io.camrig.cluster.clock.ClusterClock}):
 * tests give nodes offsets and drift.
 */
package io.camrig.cluster.clock;
