package io.camrig.cli.status;

import io.camrig.cli.console.JsonStyle;
import io.camrig.cli.rig.BrokerRig;
import io.camrig.proto.catalog.Status;
import java.util.List;
import java.util.Map;

/**
 * {@code camrig status --broker URL}: the statuses of every camera of every node, read by the nodes
 * (Get Status Values through the status registration, 0x53, whose answer carries the current values)
 * and reported with each camera's node: one line per camera, or JSON with {@code node} in every
 * camera entry. Values are the statuses' numbers (the statuses shown by default are all numbers).
 */
final class StatusAcrossNodes {
    private StatusAcrossNodes() {
    }

    static BrokerRig.Report<Map<Integer, Long>> report(List<Status> statuses, boolean json) {
        if (json) {
            return (result, out) -> out.println(JsonStyle.document(BrokerRig.json(result, (camera, values) -> {
                var node = camera.putObject("statuses");
                for (Status s : statuses) {
                    Long v = values.get(s.id());
                    if (v != null) {
                        node.put(s.info().snakeName(), v);
                    }
                }
            })));
        }
        return (result, out) -> result.outcomes().forEach((m, o) -> {
            StringBuilder line = new StringBuilder(String.format("%-10s %-12s", io.camrig.cli.console.TerminalText.safe(
                    m.node().orElse("?")), io.camrig.cli.console.TerminalText.safe(m.advertisedName())));
            if (o instanceof io.camrig.engine.rig.Outcome.Ok<Map<Integer, Long>> ok) {
                for (Status s : statuses) {
                    Long v = ok.value().get(s.id());
                    line.append(' ').append(s.info().snakeName()).append('=').append(v == null ? "-" : v.toString());
                }
            } else {
                line.append(" error: ").append(o instanceof io.camrig.engine.rig.Outcome.Failed<?> f
                        ? io.camrig.cli.rig.RigCommandSupport.describe(f.cause()) : String.valueOf(o));
            }
            out.println(line);
        });
    }
}
