package io.camrig.engine.camera;

import io.camrig.engine.error.EmissionContendedException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import reactor.core.publisher.Sinks;

/**
 * Emission into a camera's hubs ({@code directBestEffort} multicast sinks) from more than one
 * thread: the inbound path emits on the transport's thread, the worker emits the responses
 * nobody waited for and the link's end. A sink refuses an overlapping emission with
 * {@code FAIL_NON_SERIALIZED}; the other emission is a few hundred nanoseconds of non-blocking
 * work, so the loser spins until it is done (yielding after 50 µs, in case the other thread was
 * descheduled mid-emission on a busy machine), for at most {@link #BOUND}: past that (a
 * subscriber that blocks in {@code onNext}) it throws
 * {@link EmissionContendedException} instead of spinning for ever. Every other result is final:
 * no subscriber, or none with demand (best effort, as documented on {@code Camera}), or already
 * terminated.
 */
final class Hubs {
    /** The longest an emission waits for another one to finish. */
    static final Duration BOUND = Duration.ofSeconds(1);
    /** Spinning longer than this yields the CPU: the other emitter may have been descheduled. */
    private static final long SPIN_NANOS = 50_000;

    private Hubs() {
    }

    /**
     * Emits {@code value}, waiting at most {@link #BOUND} for an overlapping emission.
     *
     * @param camera the camera's name, for the error
     * @param stream which hub ("status updates", "unsolicited messages"), for the error
     * @throws EmissionContendedException when another emission holds the hub past the bound
     */
    static <T> Sinks.EmitResult emit(Sinks.Many<T> hub, T value, String camera, String stream) {
        return spin(() -> hub.tryEmitNext(value), camera, stream, System::nanoTime, BOUND);
    }

    /** Terminates {@code hub} with {@code error}; as {@link #emit}. */
    static void error(Sinks.Many<?> hub, Throwable error, String camera, String stream) {
        spin(() -> hub.tryEmitError(error), camera, stream, System::nanoTime, BOUND);
    }

    /** Completes {@code hub}; as {@link #emit}. */
    static void complete(Sinks.Many<?> hub, String camera, String stream) {
        spin(hub::tryEmitComplete, camera, stream, System::nanoTime, BOUND);
    }

    /** Tries until the result is not {@code FAIL_NON_SERIALIZED} or {@code bound} has passed on {@code clock}. */
    static Sinks.EmitResult spin(Supplier<Sinks.EmitResult> attempt, String camera, String stream,
                                 LongSupplier clock, Duration bound) {
        Sinks.EmitResult result = attempt.get();
        if (result != Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            return result;
        }
        long start = clock.getAsLong();
        while ((result = attempt.get()) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            long spun = clock.getAsLong() - start;
            if (spun > bound.toNanos()) {
                throw new EmissionContendedException(camera, stream, bound);
            }
            if (spun > SPIN_NANOS) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        return result;
    }
}
