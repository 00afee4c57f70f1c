package io.camrig.cluster.coordinator;

import io.camrig.cluster.clock.ClusterClock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link DistributedRig}; defaults in brackets.
 *
 * @param expectedNodes  wait for this many nodes to be online before the rig is made (0: take
 *                       those whose presence arrives within {@code discovery}) [0]
 * @param discovery      how long to wait for nodes [10 s]
 * @param commandTimeout how long a node may take to answer a command before its cameras fail
 *                       with a node-gone cause [30 s]
 * @param fireLead       T = now + this; at least twice the slowest broker round trip seen [300 ms]
 * @param clockLimit     a node whose clock offset is less certain than this refuses to arm [1 ms]
 * @param lateLimit      a node's release later than this after its instant is refused [1 ms]
 * @param readyTimeout   how long the cameras may take to show encoding after a fire [10 s]
 * @param clock          the coordinator's clock [{@link ClusterClock#system()}]
 */
public record ClusterOptions(int expectedNodes, Duration discovery, Duration commandTimeout, Duration fireLead,
                             Duration clockLimit, Duration lateLimit, Duration readyTimeout, ClusterClock clock) {
    public ClusterOptions {
        if (expectedNodes < 0) {
            throw new IllegalArgumentException("expectedNodes must be >= 0");
        }
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(fireLead, "fireLead");
        Objects.requireNonNull(clockLimit, "clockLimit");
        Objects.requireNonNull(lateLimit, "lateLimit");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    public static ClusterOptions defaults() {
        return new ClusterOptions(0, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(300),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(10), ClusterClock.system());
    }

    public ClusterOptions withExpectedNodes(int n) {
        return new ClusterOptions(n, discovery, commandTimeout, fireLead, clockLimit, lateLimit, readyTimeout, clock);
    }

    public ClusterOptions withDiscovery(Duration d) {
        return new ClusterOptions(expectedNodes, d, commandTimeout, fireLead, clockLimit, lateLimit, readyTimeout, clock);
    }

    public ClusterOptions withCommandTimeout(Duration d) {
        return new ClusterOptions(expectedNodes, discovery, d, fireLead, clockLimit, lateLimit, readyTimeout, clock);
    }

    public ClusterOptions withFireLead(Duration d) {
        return new ClusterOptions(expectedNodes, discovery, commandTimeout, d, clockLimit, lateLimit, readyTimeout, clock);
    }

    public ClusterOptions withClockLimit(Duration d) {
        return new ClusterOptions(expectedNodes, discovery, commandTimeout, fireLead, d, lateLimit, readyTimeout, clock);
    }

    public ClusterOptions withClock(ClusterClock c) {
        return new ClusterOptions(expectedNodes, discovery, commandTimeout, fireLead, clockLimit, lateLimit, readyTimeout, c);
    }
}
