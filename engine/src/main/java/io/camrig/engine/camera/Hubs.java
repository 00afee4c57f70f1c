package io.camrig.engine.camera;

import reactor.core.publisher.Sinks;

/**
 * Emission into a camera's hubs ({@code directBestEffort} multicast sinks) from more than one
 * thread: the inbound path emits on the transport's thread, the worker emits the responses
 * nobody waited for and the link's end. A sink refuses an overlapping emission with
 * {@code FAIL_NON_SERIALIZED}; the other emission is a few hundred nanoseconds of non-blocking
 * work, so the loser spins until it is done. Every other result is final: no subscriber, or
 * none with demand (best effort, as documented on {@code Camera}), or already terminated.
 */
final class Hubs {
    private Hubs() {
    }

    static <T> Sinks.EmitResult emit(Sinks.Many<T> hub, T value) {
        Sinks.EmitResult result;
        while ((result = hub.tryEmitNext(value)) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
        return result;
    }

    static void error(Sinks.Many<?> hub, Throwable error) {
        while (hub.tryEmitError(error) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
    }

    static void complete(Sinks.Many<?> hub) {
        while (hub.tryEmitComplete() == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
    }
}
