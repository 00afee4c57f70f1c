package io.camrig.cluster.wire;

import java.util.List;
import java.util.Map;

/**
 * A command from the coordinator to one node, on {@code camrig/v1/coord/cmd/{node}} (QoS 1). The
 * node runs it once per {@code id} — a redelivery after a reconnect gets the first run's reply —
 * and answers on its reply topic with the same id.
 *
 * @param id             request id (unique per coordinator run, e.g. a UUID)
 * @param op             {@code connect}, {@code statuses}, {@code claim-control}, {@code latency},
 *                       {@code keep-alive}, {@code recover}, {@code arm}, {@code set-setting},
 *                       {@code load-preset-group}, {@code load-preset}, {@code offload}
 * @param args           integer arguments (status ids; rounds; setting id and value; group id)
 * @param clockLimitNanos for {@code arm}: the largest clock uncertainty the node may arm with, ns
 * @param take           for {@code offload}: the take's id, which names its directory on every
 *                       host (one path segment); else null
 * @param cameras        for {@code offload}: per node id, the indexes (in that node's rig) of the
 *                       cameras that recorded in the take — only their files belong to it; a node
 *                       not listed offloads none; null: every camera of every node
 */
public record Command(String id, String op, List<Long> args, long clockLimitNanos, String take,
                      Map<String, List<Integer>> cameras) {
    public Command {
        args = args == null ? List.of() : List.copyOf(args);
        cameras = cameras == null ? null : Map.copyOf(cameras);
    }

    /** A command that names no take. */
    public Command(String id, String op, List<Long> args, long clockLimitNanos) {
        this(id, op, args, clockLimitNanos, null, null);
    }
}
