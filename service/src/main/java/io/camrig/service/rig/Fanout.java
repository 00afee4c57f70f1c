package io.camrig.service.rig;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one idempotent operation on the selected cameras, all at once (the engine's per-camera
 * exchange queues serialize what each camera receives), through each camera's Resilience4j
 * policy, with one {@link CameraOutcome} per camera in rig order. A failure is reported, never
 * propagated, and does not mark the camera failed in the rig. A camera of another node (a
 * distributed rig) fails with {@link RemoteCameraUnsupportedException}: a distributed rig's
 * settings and presets go through {@link NodeFanout} instead, when it has {@link NodeOps}.
 */
final class Fanout {
    private Fanout() {
    }

    static <T> Mono<List<CameraOutcome>> run(List<RigMember> members, Predicate<RigMember> selected, String step,
                                             Function<Camera, Mono<T>> op, BiFunction<RigMember, T, String> onOk) {
        return Flux.fromIterable(members).filter(selected)
                .flatMapSequential(m -> Mono.defer(() -> {
                    long start = System.nanoTime();
                    if (m.node().isPresent()) {
                        return Mono.just(CameraOutcome.of(m, new Outcome.Failed<String>(
                                new RemoteCameraUnsupportedException(m, step), Duration.ZERO), d -> d));
                    }
                    return m.policy().apply(step, true, m.currentCamera().flatMap(op))
                            .map(v -> {
                                String detail = onOk.apply(m, v);
                                return CameraOutcome.of(m, new Outcome.Ok<>(detail, since(start)), d -> d);
                            })
                            .onErrorResume(e -> Mono.just(CameraOutcome.of(m,
                                    new Outcome.Failed<String>(e, since(start)), d -> d)));
                }))
                .collectList();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
