package io.camrig.engine.camera;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A Set Shutter (0x01) request in flight on GP-0072 and not yet written: the command queue is
 * held for it, so nothing else goes between the release and the camera. Get one from
 * {@link Camera#armShutter(boolean)}.
 *
 * <p>{@link #release()} writes the request (one packet, {@code 01 01 01} or {@code 01 01 00}) on
 * the calling thread at once: a rig arms every camera, then releases them from one thread at the
 * instants it chose. {@link #dispose()} before the release gives the queue back at once (nothing
 * is written); after the release it does nothing, since the camera's answer must still be read.
 * The exchange's time limit ({@link CameraOptions#exchangeTimeout()}) runs from the moment it was
 * armed.
 */
public final class ArmedShutter implements Disposable {
    private final BooleanSupplier release;
    private final Runnable dispose;
    private final Mono<ExchangeResult> result;
    private volatile boolean done;

    ArmedShutter(BooleanSupplier release, Runnable dispose, Mono<ExchangeResult> result) {
        this.release = Objects.requireNonNull(release, "release");
        this.dispose = Objects.requireNonNull(dispose, "dispose");
        this.result = Objects.requireNonNull(result, "result");
    }

    /** The same armed request with its result transformed (status check, delivery thread). */
    ArmedShutter mapResult(UnaryOperator<Mono<ExchangeResult>> f) {
        return new ArmedShutter(release, dispose, f.apply(result));
    }

    /**
     * Writes the request now, on this thread (only the first call writes), and returns the
     * exchange's result: the camera's response with {@link ExchangeResult#writeIssuedNanos()}
     * taken just before the write was handed to the transport. The result errors with
     * {@code CameraStatusException} when the camera refuses, {@code ExchangeTimeoutException},
     * {@code ConnectionClosedException}, or {@link java.util.concurrent.CancellationException}
     * when the request was disposed before its release.
     */
    public Mono<ExchangeResult> release() {
        done = true;
        release.getAsBoolean();
        return result;
    }

    /** Gives the command queue back without writing, unless the request was already released. */
    @Override
    public void dispose() {
        done = true;
        dispose.run();
    }

    /** {@code true} once released or disposed. */
    @Override
    public boolean isDisposed() {
        return done;
    }
}
