package io.camrig.cli.status;

import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RigCommandSupport;
import io.camrig.engine.camera.StatusValue;
import io.camrig.proto.catalog.Status;
import reactor.core.publisher.Flux;

/**
 * The live status stream of a rig: each camera's status updates (register 0x53 on subscribe, the
 * current values first, then pushes 0x93; cancelling unregisters 0x73), merged, each tagged with its
 * camera. A camera whose stream fails yields one error event and the others go on.
 */
final class StatusWatch {
    /**
     * One change.
     *
     * @param camera the camera
     * @param value  the new value, or {@code null} for an error event
     * @param error  why the camera's stream ended, or {@code null}
     */
    record Event(ConnectedRig.Member camera, StatusValue value, String error) {
    }

    private StatusWatch() {
    }

    static Flux<Event> events(ConnectedRig rig, Status... statuses) {
        return Flux.merge(rig.members().stream()
                .map(m -> m.camera().filter(c -> m.failure().isEmpty())
                        .map(c -> c.statuses().updates(statuses).map(v -> new Event(m, v, null))
                                .onErrorResume(e -> Flux.just(new Event(m, null, RigCommandSupport.describe(e)))))
                        .orElseGet(() -> Flux.just(new Event(m, null,
                                m.failure().map(RigCommandSupport::describe).orElse("not connected")))))
                .toList());
    }
}
