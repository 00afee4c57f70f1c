package io.camrig.cluster.coordinator;

import io.camrig.cluster.Topics;
import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Fire;
import io.camrig.cluster.wire.Reply;
import io.camrig.cluster.wire.Wire;
import io.camrig.engine.rig.FireResult;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Fire at one instant across nodes: arm (each node's fresh clock estimate, refused above the
 * limit), then T = now + lead in the coordinator's clock, published once to every armed node with
 * an expiry; each node answers with its cameras' write and encoding instants.
 */
final class ClusterFire {
    private final DistributedRig rig;
    private final Commands commands;
    private volatile FireFigures last;

    ClusterFire(DistributedRig rig) {
        this.rig = rig;
        this.commands = new Commands(rig);
    }

    Optional<FireFigures> last() {
        return Optional.ofNullable(last);
    }

    Mono<FireResult> fire(boolean on) {
        String suffix = on ? "on" : "off";
        return commands.run("arm " + suffix, "arm", List.of(), false, (m, e) -> null).flatMap(armed -> {
            Set<String> nodes = new LinkedHashSet<>();
            armed.succeeded().forEach(m -> nodes.add(m.node().orElseThrow()));
            ClusterOptions o = rig.options();
            long lead = Math.max(o.fireLead().toNanos(), 2 * rig.roundTrips().percentile(99));
            long at = o.clock().nowNanos() + lead;
            Fire f = new Fire(UUID.randomUUID().toString(), on, at, at - lead / 2, o.lateLimit().toNanos(),
                    List.copyOf(nodes));
            PendingRequest p = new PendingRequest(nodes);
            rig.pending().put(f.id(), p);
            nodes.stream().filter(n -> !rig.online(n)).forEach(n -> p.gone(n, "offline"));
            Duration limit = Duration.ofNanos(lead).plus(o.readyTimeout()).plusSeconds(5);
            // MQTT's expiry is in whole seconds: 1 s is the shortest; the payload's expiresAt is the real guard.
            return rig.link().publish(Topics.fire(), Wire.encode(f), true, false, 1)
                    .then(p.done().timeout(limit, Mono.fromSupplier(() -> {
                        p.expire("no fire report within " + limit.toMillis() + " ms");
                        return p;
                    })))
                    .doFinally(s -> rig.pending().remove(f.id()))
                    .map(done -> result(suffix, done, f, lead));
        });
    }

    private FireResult result(String suffix, PendingRequest p, Fire f, long lead) {
        List<RigMember> members = rig.members();
        // Per-camera instants as durations from T (coordinator clock), as a local fire gives them from its start.
        Function<CameraEntry, Duration> fromT = e -> e.value() == null ? null : Duration.ofNanos(e.value() - f.atNanos());
        RigResult<Duration> shutter = commands.result("shutter " + suffix, members, false, p, (m, e) -> fromT.apply(e), false);
        RigResult<Duration> encoding = commands.result("encoding " + suffix, members, false, p, (m, e) -> fromT.apply(e), true);
        Map<String, Long> hostWrites = new LinkedHashMap<>();
        Map<String, Reply.ClockFigures> clocks = new LinkedHashMap<>();
        List<Long> writes = new ArrayList<>();
        List<Long> predicted = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        boolean[] compensated = {true};
        p.replies().forEach((node, r) -> {
            if (r.clock() != null) {
                clocks.put(node, r.clock());
            }
            for (CameraEntry e : r.cameras()) {
                if (CameraEntry.OK.equals(e.status()) && e.hostNanos() != null && e.value() != null) {
                    long oneWay = e.oneWayNanos() == null ? 0 : e.oneWayNanos();
                    compensated[0] &= e.oneWayNanos() != null && e.oneWayNanos() > 0;
                    hostWrites.put(node + "/" + e.name(), e.hostNanos());
                    writes.add(e.value());
                    predicted.add(e.value() + oneWay);
                    arrivals.add(e.hostNanos() + oneWay);
                }
            }
        });
        List<Long> received = new ArrayList<>();
        p.replies().values().forEach(r -> {
            if (r.encoding() != null) {
                r.encoding().stream().filter(e -> CameraEntry.OK.equals(e.status()) && e.value() != null)
                        .forEach(e -> received.add(e.value()));
            }
        });
        OptionalLong writeSpread = spread(writes);
        last = new FireFigures(f.atNanos(), lead, writeSpread, spread(new ArrayList<>(hostWrites.values())),
                spread(arrivals), hostWrites, clocks);
        return new FireResult(shutter, encoding, compensated[0] && !writes.isEmpty(), micros(writeSpread),
                micros(spread(predicted)), OptionalLong.empty(), micros(spread(received)));
    }

    private static OptionalLong micros(OptionalLong nanos) {
        return nanos.isPresent() ? OptionalLong.of(nanos.getAsLong() / 1_000) : OptionalLong.empty();
    }

    static OptionalLong spread(List<Long> values) {
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        return OptionalLong.of(max - min);
    }
}
