package io.camrig.engine.resilience;

import io.camrig.proto.error.CamrigException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * One camera's Resilience4j policies. {@link #apply} wraps an operation: retried (idempotent
 * operations only, on transient {@link CamrigException}s), each attempt guarded by the camera's
 * circuit breaker, the whole bounded by the time limit. A time limit that passes surfaces as
 * {@link OperationTimeoutException}; an open breaker as Resilience4j's
 * {@code CallNotPermittedException}.
 */
public final class CameraPolicy {
    private final String camera;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter limiter;
    private final ResilienceOptions options;

    CameraPolicy(String camera, CircuitBreaker breaker, Retry retry, TimeLimiter limiter, ResilienceOptions options) {
        this.camera = camera;
        this.breaker = breaker;
        this.retry = retry;
        this.limiter = limiter;
        this.options = options;
    }

    /** The camera's circuit breaker. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The camera's retry (its metrics count retries). */
    public Retry retry() {
        return retry;
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
            guarded = guarded.transformDeferred(RetryOperator.of(retry));
        }
        return guarded.transformDeferred(TimeLimiterOperator.of(limiter))
                .onErrorMap(TimeoutException.class,
                        e -> new OperationTimeoutException(camera, name, options.operationTimeout()));
    }

    /** Builds the policies of each camera of a rig from one set of options and shared registries. */
    public static final class Factory {
        private final ResilienceOptions options;
        private final CircuitBreakerRegistry breakers;
        private final RetryRegistry retries;

        public Factory(ResilienceOptions options) {
            this.options = options;
            this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                    .failureRateThreshold(options.breakerFailureRate())
                    .slidingWindowSize(options.breakerWindow())
                    .minimumNumberOfCalls(options.breakerWindow())
                    .waitDurationInOpenState(options.breakerOpenFor())
                    .recordException(CameraPolicy::isCameraFault)
                    .build());
            this.retries = RetryRegistry.of(RetryConfig.custom()
                    .maxAttempts(options.retryAttempts())
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(options.retryInitialBackoff(), 2.0,
                            options.retryJitter(), options.retryMaxBackoff()))
                    .retryOnException(CameraPolicy::isTransient)
                    .failAfterMaxAttempts(false)
                    .build());
        }

        /** The registries, for metrics. */
        public CircuitBreakerRegistry breakers() {
            return breakers;
        }

        public RetryRegistry retries() {
            return retries;
        }

        /** The policies of one camera, by name (the same name gives the same breaker). */
        public CameraPolicy forCamera(String camera) {
            TimeLimiter limiter = TimeLimiter.of(camera, TimeLimiterConfig.custom()
                    .timeoutDuration(options.operationTimeout()).cancelRunningFuture(true).build());
            return new CameraPolicy(camera, breakers.circuitBreaker(camera), retries.retry(camera), limiter, options);
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
