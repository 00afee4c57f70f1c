package io.camrig.engine.provision.rig;

import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.rig.RigResult;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One provisioning run over a rig ({@link RigProvisioner#start}): its per-camera {@link #result()}
 * and the {@link #events()} of its progress. The run starts when {@link #result()} is first
 * subscribed and runs once; later subscribers get the same result.
 */
public final class RigProvisioning {
    private final Sinks.Many<ProvisionEvent> events = Sinks.many().replay().all();
    private final Mono<RigResult<ProvisionedCamera>> result;

    RigProvisioning(Function<ProvisionListener, Mono<RigResult<ProvisionedCamera>>> run) {
        ProvisionListener listener = e -> {
            synchronized (events) {
                events.tryEmitNext(e);
            }
        };
        this.result = Mono.defer(() -> run.apply(listener))
                .doFinally(s -> {
                    synchronized (events) {
                        events.tryEmitComplete();
                    }
                })
                .cache();
    }

    /** Every camera's outcome, in rig order: ok with its COHN IP address, a typed failure, or skipped. */
    public Mono<RigResult<ProvisionedCamera>> result() {
        return result;
    }

    /**
     * Progress, every event from the start (replayed to late subscribers); completes when the run
     * ends. Subscribing does not start the run.
     */
    public Flux<ProvisionEvent> events() {
        return events.asFlux();
    }
}
