package io.camrig.cluster.coordinator;

import io.camrig.cluster.ClockUntrustedException;
import io.camrig.cluster.NodeGoneException;
import io.camrig.cluster.RemoteCameraException;
import io.camrig.cluster.Topics;
import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.rig.LateFireException;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.engine.rig.StepRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sends a command to the nodes and turns their replies into a {@link RigResult}. */
final class Commands {
    private final DistributedRig rig;

    Commands(DistributedRig rig) {
        this.rig = rig;
    }

    /**
     * Runs {@code op} on every node that has a camera taking part.
     *
     * @param includeFailed also the members that failed earlier (for {@code recover})
     * @param valueOf       a camera's value from its entry
     */
    <T> Mono<RigResult<T>> run(String step, String op, List<Long> args, boolean includeFailed,
                               BiFunction<RigMember, CameraEntry, T> valueOf) {
        return Mono.defer(() -> {
            List<RigMember> members = rig.members();
            Set<String> nodes = new LinkedHashSet<>();
            members.stream().filter(m -> includeFailed || m.isHealthy()).forEach(m -> nodes.add(m.node().orElseThrow()));
            Command c = new Command(UUID.randomUUID().toString(), op, args, rig.options().clockLimit().toNanos());
            return send(c, nodes, rig.options().commandTimeout())
                    .map(p -> result(step, members, includeFailed, p, valueOf, null));
        });
    }

    /** Publishes a command to each node and waits for the replies (or the nodes' loss, or the time limit). */
    Mono<PendingRequest> send(Command c, Set<String> nodes, Duration limit) {
        PendingRequest p = new PendingRequest(nodes);
        rig.pending().put(c.id(), p);
        byte[] payload = Wire.encode(c);
        for (String n : nodes) {
            if (!rig.online(n)) {
                p.gone(n, "offline");
            }
        }
        return Flux.fromIterable(nodes).filter(p::waitsFor)
                .flatMap(n -> rig.link().publish(Topics.command(n), payload, true, false, 0)
                        .onErrorResume(e -> {
                            p.gone(n, "command not delivered: " + e.getMessage());
                            return Mono.empty();
                        }))
                .then(p.done().timeout(limit, Mono.fromSupplier(() -> {
                    p.expire("no reply within " + limit.toMillis() + " ms");
                    return p;
                })))
                .doFinally(s -> rig.pending().remove(c.id()));
    }

    /** The result of a step from the nodes' replies ({@code encoding}: the encoding entries of a fire). */
    <T> RigResult<T> result(String step, List<RigMember> members, boolean includeFailed, PendingRequest p,
                            BiFunction<RigMember, CameraEntry, T> valueOf, Boolean encoding) {
        Map<String, Reply> replies = p.replies();
        Map<RigMember, Outcome<T>> outcomes = new LinkedHashMap<>();
        for (RigMember m : members) {
            String node = m.node().orElseThrow();
            Outcome<T> o;
            if (!includeFailed && !m.isHealthy()) {
                o = new Outcome.Skipped<>("failed earlier in " + m.failedStep().orElse("?"));
            } else {
                Reply r = replies.get(node);
                CameraEntry e = entry(m, r, encoding);
                o = outcome(m, step, e, r == null ? p.whyMissing(node) : "camera not in the node's reply", valueOf);
            }
            outcomes.put(m, o);
            if (!(o instanceof Outcome.Skipped<T>) || !includeFailed) {
                m.record(StepRecord.of(step, o, ""));
            }
            if (o instanceof Outcome.Failed<T> f) {
                m.fail(step, f.cause());
            }
        }
        return new RigResult<>(step, outcomes);
    }

    /** The member's entry in its node's reply ({@code encoding}: among the encoding entries of a fire), or null. */
    CameraEntry entry(RigMember m, Reply r, Boolean encoding) {
        List<CameraEntry> entries = r == null ? null : Boolean.TRUE.equals(encoding) ? r.encoding() : r.cameras();
        return entries == null ? null : entries.stream().filter(x -> x.index() == index(m)).findFirst().orElse(null);
    }

    private int index(RigMember m) {
        return rig.byNode().get(m.node().orElseThrow()).entrySet().stream()
                .filter(e -> e.getValue() == m).mapToInt(Map.Entry::getKey).findFirst().orElse(-1);
    }

    private static <T> Outcome<T> outcome(RigMember m, String step, CameraEntry e, String missing,
                                          BiFunction<RigMember, CameraEntry, T> valueOf) {
        String node = m.node().orElseThrow();
        if (e == null) {
            return new Outcome.Failed<>(new NodeGoneException(node, m.advertisedName(), step, missing), Duration.ZERO);
        }
        Duration latency = Duration.ofNanos(e.latencyMicros() * 1_000);
        return switch (e.status()) {
            case CameraEntry.OK -> new Outcome.Ok<>(valueOf.apply(m, e), latency);
            case CameraEntry.SKIPPED -> new Outcome.Skipped<>(e.message() == null ? "skipped on node" : e.message());
            default -> new Outcome.Failed<>(remoteError(node, m.advertisedName(), step, e), latency);
        };
    }

    /** The node's error as a typed one: clock refusals and late fires keep their types. */
    private static Throwable remoteError(String node, String camera, String step, CameraEntry e) {
        String type = e.error() == null ? "Error" : e.error();
        String message = e.message() == null ? "" : e.message();
        if (type.equals(ClockUntrustedException.class.getSimpleName())) {
            return new ClockUntrustedException(message, node + "/" + camera, step);
        }
        if (type.equals(LateFireException.class.getSimpleName())) {
            return new RemoteCameraException(node, camera, step, type, message, false);
        }
        return new RemoteCameraException(node, camera, step, type, message, false);
    }

    /** A "ping" to every online node: the slowest round trip; each node's goes into the round trips. */
    Mono<Duration> ping() {
        return Flux.fromIterable(rig.nodes()).filter(rig::online)
                .flatMap(n -> {
                    long start = System.nanoTime();
                    Command c = new Command(UUID.randomUUID().toString(), "ping", List.of(), 0);
                    return send(c, Set.of(n), Duration.ofSeconds(5))
                            .filter(p -> p.replies().containsKey(n))
                            .map(p -> {
                                long rtt = System.nanoTime() - start;
                                rig.roundTrips().add(rtt);
                                return rtt;
                            });
                })
                .reduce(0L, Math::max).map(Duration::ofNanos);
    }
}
