package io.camrig.cluster.node;

import io.camrig.cluster.Topics;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.engine.rig.RigOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable options of a {@link RigNode}; defaults in brackets.
 *
 * @param nodeId         the node's id (one topic level, {@link Topics#requireNodeId})
 * @param rig            options of the node's rig [defaults]
 * @param clock          this host's clock [{@link ClusterClock#system()}]; tests skew it
 * @param willDelay      how long the broker waits before publishing the node's Last Will after an
 *                       unclean loss, so that a quick reconnect does not flap [1 s]
 * @param keepAlive      MQTT keep alive: a silent node is declared lost after 1.5× this [2 s]
 * @param sessionExpiry  how long the broker keeps the node's session while it is away [1 h]
 * @param syncInterval   period of background clock exchanges: a steady history of them lets the
 *                       estimate pick the quickest legs of the last 20 s [200 ms]
 * @param armExchanges   clock exchanges made when arming: half this at least, up to twice it while
 *                       the offset is not certain enough [8]
 * @param media          where and how the node offloads its cameras' footage [{@link NodeMedia#defaults()}]
 */
public record NodeOptions(String nodeId, RigOptions rig, ClusterClock clock, Duration willDelay, Duration keepAlive,
                          Duration sessionExpiry, Duration syncInterval, int armExchanges, NodeMedia media) {
    public NodeOptions {
        Topics.requireNodeId(nodeId);
        Objects.requireNonNull(rig, "rig");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(willDelay, "willDelay");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(syncInterval, "syncInterval");
        Objects.requireNonNull(media, "media");
        if (armExchanges < 1) {
            throw new IllegalArgumentException("armExchanges must be >= 1");
        }
    }

    public static NodeOptions defaults(String nodeId) {
        return new NodeOptions(nodeId, RigOptions.defaults(), ClusterClock.system(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofMillis(200), 8, NodeMedia.defaults());
    }

    public NodeOptions withRig(RigOptions r) {
        return new NodeOptions(nodeId, r, clock, willDelay, keepAlive, sessionExpiry, syncInterval, armExchanges, media);
    }

    public NodeOptions withClock(ClusterClock c) {
        return new NodeOptions(nodeId, rig, c, willDelay, keepAlive, sessionExpiry, syncInterval, armExchanges, media);
    }

    public NodeOptions withSyncInterval(Duration d) {
        return new NodeOptions(nodeId, rig, clock, willDelay, keepAlive, sessionExpiry, d, armExchanges, media);
    }

    public NodeOptions withMedia(NodeMedia m) {
        return new NodeOptions(nodeId, rig, clock, willDelay, keepAlive, sessionExpiry, syncInterval, armExchanges, m);
    }
}
