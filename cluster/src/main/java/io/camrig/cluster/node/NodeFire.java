package io.camrig.cluster.node;

import io.camrig.cluster.ClockUntrustedException;
import io.camrig.cluster.clock.ClusterClock;
import io.camrig.cluster.clock.OffsetEstimator;
import io.camrig.cluster.wire.Fire;
import io.camrig.cluster.wire.Reply;
import io.camrig.engine.rig.LateFireException;
import io.camrig.engine.rig.Rig;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A node's part of a fire at instant T (coordinator clock): T less the clock offset is T in this
 * node's clock, which {@link ClusterClock#hostNanosAt} turns into a monotonic instant for the
 * rig's fire thread ({@link Rig#fireAt}: each camera's write at T − its latency). Refused —
 * nothing written, every camera failed with the reason — when the clock is not trusted or the
 * message came after its expiry.
 */
final class NodeFire {
    private final String node;
    private final Rig rig;
    private final ClusterClock clock;
    private final ClockSync sync;
    private final NodeCommands commands;

    NodeFire(String node, Rig rig, ClusterClock clock, ClockSync sync, NodeCommands commands) {
        this.node = node;
        this.rig = rig;
        this.clock = clock;
        this.sync = sync;
        this.commands = commands;
    }

    Mono<Reply> fire(Fire f) {
        return Mono.defer(() -> {
            // The offset at T itself (in the node's clock), not now: the drift until T counts.
            Optional<OffsetEstimator.Estimate> est = sync.estimate()
                    .flatMap(now -> sync.estimateAt(f.atNanos() - now.offsetNanos()));
            Reply.ClockFigures figures = NodeCommands.figures(est);
            Optional<String> refusal = commands.refusal(est, commands.armedLimitNanos());
            if (refusal.isPresent()) {
                return Mono.just(refused(f, new ClockUntrustedException(refusal.get(), null, "fire"), figures));
            }
            long offset = est.get().offsetNanos();
            long coordinatorNow = clock.nowNanos() + sync.estimate().orElseThrow().offsetNanos();
            if (coordinatorNow > f.expiresAtNanos()) {
                // Heard too late (a redelivery after a reconnect, a stalled broker): never fire late.
                return Mono.just(refused(f, new LateFireException(coordinatorNow - f.expiresAtNanos(), 0), figures));
            }
            long arriveAt = clock.hostNanosAt(f.atNanos() - offset);
            // The result's instants are durations from arriveAt; replies carry coordinator-clock instants.
            commands.fired(f.on());
            return rig.fireAt(f.on(), arriveAt, Duration.ofNanos(f.lateLimitNanos()))
                    .map(r -> new Reply(f.id(), node, "fire",
                            Entries.of(r.shutter(), (m, d) -> clock.clockAt(arriveAt + d.toNanos()) + offset,
                                    (m, d) -> arriveAt + d.toNanos()),
                            Entries.of(r.encoding(), (m, d) -> clock.clockAt(arriveAt + d.toNanos()) + offset,
                                    (m, d) -> arriveAt + d.toNanos()),
                            figures));
        });
    }

    private Reply refused(Fire f, Throwable why, Reply.ClockFigures figures) {
        return new Reply(f.id(), node, "fire", Entries.allFailed(rig.members(), why), Entries.allFailed(rig.members(), why),
                figures);
    }
}
