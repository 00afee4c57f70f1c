package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code camrig takes verify}'s line per node of a take across hosts: how many of the node's files
 * match here, or that they are held on that node (its cameras' directories are not on this host)
 * and how to check them. Nothing for a take of one host.
 */
final class NodeChecks {
    private NodeChecks() {
    }

    static void print(TakeManifest m, List<TakeStore.FileCheck> checks, PrintWriter out) {
        Map<String, String> nodeOf = new TreeMap<>();
        for (TakeCamera c : m.cameras()) {
            if (c.node() != null) {
                nodeOf.put(c.serial(), c.node());
            }
        }
        if (nodeOf.isEmpty()) {
            return;
        }
        Map<String, int[]> perNode = new TreeMap<>();   // ok, elsewhere, all
        for (TakeStore.FileCheck c : checks) {
            int[] n = perNode.computeIfAbsent(nodeOf.getOrDefault(c.serial(), "(none)"), k -> new int[3]);
            n[0] += c.result() == TakeStore.FileCheck.Result.OK ? 1 : 0;
            n[1] += c.result() == TakeStore.FileCheck.Result.ELSEWHERE ? 1 : 0;
            n[2]++;
        }
        perNode.forEach((node, n) -> {
            String name = TerminalText.safe(node);
            if (n[1] == n[2]) {
                out.printf("node %s: %d files held on node %s, not on this host (copy its <media-dir>/%s here, or run "
                        + "'camrig takes verify %s' on that host with this take.json beside its media)%n", name, n[1], name,
                        TerminalText.safe(m.takeId()), TerminalText.safe(m.takeId()));
            } else {
                out.printf("node %s: %d of %d files match%s%n", name, n[0], n[2],
                        n[1] == 0 ? "" : ", " + n[1] + " held on node " + name);
            }
        });
    }
}
