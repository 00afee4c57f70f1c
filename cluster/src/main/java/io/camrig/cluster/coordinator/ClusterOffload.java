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

    Mono<OffloadResult> offload(String takeId, Duration limit, Set<RigMember> recorded) {
        return Mono.defer(() -> {
            List<RigMember> all = rig.members();
            Set<String> nodes = new LinkedHashSet<>();
            Map<String, List<Integer>> recordedByNode = new LinkedHashMap<>();
            for (RigMember m : all) {
                String node = m.node().orElseThrow();
                nodes.add(node);
                List<Integer> mine = recordedByNode.computeIfAbsent(node, k -> new java.util.ArrayList<>());
                if (recorded.contains(m)) {
                    rig.camera(m).ifPresent(ref -> mine.add(ref.index()));
                }
            }
            Command c = new Command(UUID.randomUUID().toString(), "offload", List.of(), 0, takeId, recordedByNode);
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
