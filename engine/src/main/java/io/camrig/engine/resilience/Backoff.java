package io.camrig.engine.resilience;

import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * The engine's one retry mechanism: Reactor's {@link Retry#backoff} (exponential backoff with
 * jitter), its waits on a scheduler the caller gives. Both the retries of idempotent camera
 * operations ({@link CameraPolicy}) and the reconnects of a dropped link use it.
 *
 * <p>Why Reactor's and not Resilience4j's retry: Resilience4j's Reactor {@code RetryOperator}
 * and {@code TimeLimiterOperator} wait with Reactor's default timer ({@code Schedulers.parallel()})
 * and take no scheduler, so their time would ignore {@code CameraOptions.scheduler()} and could
 * not be tested on virtual time; Reactor's spec takes the scheduler. Resilience4j stays for what
 * it does without a timer of its own: the per-camera circuit breaker.
 */
public final class Backoff {
    private Backoff() {
    }

    /**
     * A backoff of at most {@code attempts} attempts, the first included ({@code attempts - 1}
     * retries): waits {@code first}, doubling up to {@code max}, each randomized by
     * ± {@code jitter} (0..1). When the attempts are used up the last error is signalled as is
     * (not wrapped in Reactor's {@code RetryExhaustedException}).
     *
     * @param scheduler where the waits run
     * @throws IllegalArgumentException when {@code attempts} &lt; 1 or {@code jitter} is outside 0..1
     */
    public static RetryBackoffSpec of(int attempts, Duration first, Duration max, double jitter, Scheduler scheduler) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        return Retry.backoff(attempts - 1L, first)
                .maxBackoff(max)
                .jitter(jitter)
                .scheduler(scheduler)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
