package io.camrig.engine.resilience;

import io.camrig.proto.error.CamrigException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.RetryBackoffSpec;

/**
 * One camera's policies. {@link #apply} wraps an operation: retried (idempotent operations only,
 * on transient {@link CamrigException}s, with {@link Backoff}), each attempt guarded by the
 * camera's Resilience4j circuit breaker, the whole bounded by the time limit
 * ({@link ResilienceOptions#operationTimeout()}). The time limit and the waits between retries
 * run on the camera's scheduler given to the {@link Factory} (so virtual time in tests), never on
 * a scheduler of their own. A time limit that passes surfaces as {@link OperationTimeoutException};
 * an open breaker as Resilience4j's {@code CallNotPermittedException}.
 */
public final class CameraPolicy {
    private final String camera;
    private final CircuitBreaker breaker;
    private final RetryBackoffSpec retry;
    private final ResilienceOptions options;
    private final Scheduler scheduler;
    private final LongAdder retriedCalls = new LongAdder();

    CameraPolicy(String camera, CircuitBreaker breaker, ResilienceOptions options, Scheduler scheduler) {
        this.camera = camera;
        this.breaker = breaker;
        this.options = options;
        this.scheduler = scheduler;
        this.retry = Backoff.of(options.retryAttempts(), options.retryInitialBackoff(), options.retryMaxBackoff(),
                        options.retryJitter(), scheduler)
                .filter(CameraPolicy::isTransient)
                .doBeforeRetry(signal -> {
                    if (signal.totalRetries() == 0) {
                        retriedCalls.increment();
                    }
                });
    }

    /** The camera's circuit breaker. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * How many operations of this camera were sent again at least once after a transient error
     * (published as {@code camrig.retried.calls}).
     */
    public long retriedCalls() {
        return retriedCalls.sum();
    }

    /**
     * Wraps {@code operation} with this camera's policies.
     *
     * @param name       the operation's name, for errors
     * @param idempotent whether the operation may be sent again; a shutter command is not
     */
    public <T> Mono<T> apply(String name, boolean idempotent, Mono<T> operation) {
        Mono<T> guarded = operation.transformDeferred(CircuitBreakerOperator.of(breaker));
        if (idempotent && options.retryAttempts() > 1) {
            guarded = guarded.retryWhen(retry);
        }
        return guarded.timeout(options.operationTimeout(), scheduler)
                .onErrorMap(TimeoutException.class,
                        e -> new OperationTimeoutException(camera, name, options.operationTimeout()));
    }

    /** Builds the policies of each camera of a rig from one set of options and a shared breaker registry. */
    public static final class Factory {
        private final ResilienceOptions options;
        private final Scheduler scheduler;
        private final CircuitBreakerRegistry breakers;

        /**
         * @param options   the rig's resilience settings
         * @param scheduler where time limits and retry waits run: the cameras' scheduler
         *                  ({@code CameraOptions.scheduler()})
         */
        public Factory(ResilienceOptions options, Scheduler scheduler) {
            this.options = Objects.requireNonNull(options, "options");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                    .failureRateThreshold(options.breakerFailureRate())
                    .slidingWindowSize(options.breakerWindow())
                    .minimumNumberOfCalls(options.breakerWindow())
                    .waitDurationInOpenState(options.breakerOpenFor())
                    .recordException(CameraPolicy::isCameraFault)
                    .build());
        }

        /** The registries, for metrics. */
        public CircuitBreakerRegistry breakers() {
            return breakers;
        }

        /** The policies of one camera, by name (the same name gives the same breaker). */
        public CameraPolicy forCamera(String camera) {
            return new CameraPolicy(camera, breakers.circuitBreaker(camera), options, scheduler);
        }
    }

    /** {@code true} for a transient {@link CamrigException}: worth retrying once the cause passes. */
    public static boolean isTransient(Throwable e) {
        return e instanceof CamrigException c && c.isTransient();
    }

    /**
     * {@code true} for the caller's mistake, refused before sending: a {@link CamrigException}
     * that says so ({@link CamrigException#isCallerError()}: an option or operation the model does
     * not support) or an {@link IllegalArgumentException} (a value that does not fit its format).
     * Such a failure fails the call only; it never counts against the camera.
     */
    public static boolean isCallerError(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof CamrigException c && c.isCallerError();
    }

    /** Failures that count against a camera: its own errors, not a refusal of a bad request. */
    static boolean isCameraFault(Throwable e) {
        return isTransient(e);
    }
}
