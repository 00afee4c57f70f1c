package io.camrig.engine.camera;

import io.camrig.proto.message.CameraMessage;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Builds the push streams of a camera: a {@code Flux} that, when subscribed, first listens for the
 * pushes, then registers (the registration's answer gives the current values, emitted first), then
 * emits every matching push; cancelling it (or its completion or error) unregisters, unless another
 * subscription still needs the registration ({@link PushRegistry}).
 */
final class Pushes {
    private Pushes() {
    }

    /**
     * A registered push stream.
     *
     * @param link       the camera
     * @param matches    which unsolicited messages are the pushes
     * @param toItems    a push to the items it carries
     * @param register   registers; its value's items are emitted first
     * @param unregister unregisters (called once, best effort, when the link is still up)
     */
    static <T> Flux<T> registered(CameraLink link, Predicate<CameraMessage> matches,
                                  Function<CameraMessage, Iterable<T>> toItems, Mono<? extends Iterable<T>> register,
                                  Runnable unregister) {
        return link.deliver(Flux.defer(() -> {
            Sinks.Many<CameraMessage> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable tap = link.unsolicited().filter(matches)
                    .subscribe(buffer::tryEmitNext, buffer::tryEmitError, buffer::tryEmitComplete);
            return register.flatMapIterable(Function.identity())
                    .concatWith(buffer.asFlux().concatMapIterable(toItems::apply))
                    .doFinally(signal -> {
                        tap.dispose();
                        unregister.run();
                    });
        }));
    }

    /** Sends an unregistration, ignoring its outcome (the camera may be gone). */
    static void fireAndForget(CameraLink link, Mono<?> request) {
        if (link.connected()) {
            request.subscribe(v -> { }, e -> { });
        }
    }
}
