package io.camrig.cluster.coordinator;

import io.camrig.cluster.wire.CameraEntry;
import io.camrig.cluster.wire.Command;
import io.camrig.cluster.wire.Reply;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.engine.take.TakeCamera;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The coordinator's side of a take's offload: one {@code offload} command per node, the nodes' stores gathered. */
final class ClusterOffload {
    private final DistributedRig rig;
    private final Commands commands;

    ClusterOffload(DistributedRig rig) {
        this.rig = rig;
        this.commands = new Commands(rig);
    }

    Mono<OffloadResult> offload(String takeId, Duration limit) {
        return Mono.defer(() -> {
            List<RigMember> all = rig.members();
            Set<String> nodes = new LinkedHashSet<>();
            all.forEach(m -> nodes.add(m.node().orElseThrow()));
            Command c = new Command(UUID.randomUUID().toString(), "offload", List.of(), 0, takeId);
            return commands.send(c, nodes, limit).map(p -> {
                RigResult<Void> outcomes = commands.result("offload", all, true, p, (m, e) -> null, null);
                Map<RigMember, TakeCamera> cameras = new LinkedHashMap<>();
                Map<String, Reply> replies = p.replies();
                for (RigMember m : all) {
                    String node = m.node().orElseThrow();
                    CameraEntry e = commands.entry(m, replies.get(node), null);
                    if (e != null && e.take() != null) {
                        cameras.put(m, e.take().withNode(node));
                    }
                }
                return new OffloadResult(outcomes, cameras);
            });
        });
    }
}
