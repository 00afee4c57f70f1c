package io.camrig.engine.lifecycle;

import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Something that owns connections, threads or timers and releases them all when disposed
 * (reactor-netty's {@code DisposableChannel}): {@link #dispose()} starts closing and returns at
 * once, is idempotent and never throws; {@link #onDispose()} completes when everything is
 * released, or errors with what went wrong while releasing (everything was released all the
 * same). Implementations keep their state in a {@link Disposal}.
 */
public interface DisposableResource extends Disposable, AutoCloseable {
    /**
     * Completes when the disposal started by {@link #dispose()} is done; errors with the first
     * failure met while releasing. Subscribing does not start the disposal.
     */
    Mono<Void> onDispose();

    /**
     * Disposes and waits for it, at most {@code timeout} (a blocking call, as reactor-netty's
     * {@code disposeNow}: not for a non-blocking thread).
     *
     * @throws IllegalStateException when it is not done within {@code timeout}
     */
    default void disposeNow(Duration timeout) {
        dispose();
        try {
            onDispose().block(timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(this + ": not disposed within " + timeout.toMillis() + " ms", e);
        }
    }

    /** The same as {@link #dispose()}: starts closing, does not wait. */
    @Override
    default void close() {
        dispose();
    }
}
