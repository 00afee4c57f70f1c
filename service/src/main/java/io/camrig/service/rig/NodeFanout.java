package io.camrig.service.rig;

import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs one of a distributed rig's {@link NodeOps} and turns its result into the API's outcomes:
 * one {@link CameraOutcome} per camera in rig order, carrying the camera's node; an ok camera's
 * detail comes from {@code onOk} (which also updates what the service caches), a failed or skipped
 * camera keeps the node's typed cause or reason. A camera the result does not name is skipped.
 */
final class NodeFanout {
    private NodeFanout() {
    }

    /**
     * @throws IllegalArgumentException (as the Mono's error) when {@code selected} is not every
     *                                  camera: the node ops carry no camera selection
     */
    static Mono<List<CameraOutcome>> run(RigAccess rig, Predicate<RigMember> selected,
                                         Supplier<Mono<RigResult<Void>>> op, Function<RigMember, String> onOk) {
        if (!rig.canSelect(selected)) {
            return Mono.error(new IllegalArgumentException(NodeOps.SUBSET_REFUSED));
        }
        return Mono.defer(op).map(result -> {
            List<CameraOutcome> out = new ArrayList<>();
            for (RigMember m : rig.members()) {
                Outcome<Void> o = result.outcomes().get(m);
                if (o == null) {
                    out.add(CameraOutcome.of(m, new Outcome.Skipped<String>("no answer from node " + rig.node(m)), d -> d));
                } else if (o instanceof Outcome.Ok<Void> ok) {
                    out.add(CameraOutcome.of(m, new Outcome.Ok<>(onOk.apply(m), ok.latency()), d -> d));
                } else {
                    out.add(CameraOutcome.of(m, o, v -> ""));
                }
            }
            return out;
        });
    }
}
