package io.camrig.engine.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable resilience settings for every camera of a rig; change them with the {@code with…}
 * methods. Defaults in brackets.
 *
 * @param operationTimeout      time limit of one rig operation on one camera, retries included [20 s]
 * @param retryAttempts         attempts of an idempotent operation, the first included (1 = no retry) [3]
 * @param retryInitialBackoff   wait before the first retry [100 ms]; doubles each retry
 * @param retryMaxBackoff       longest wait between retries [2 s]
 * @param retryJitter           randomization factor of each wait, 0..1 [0.5]
 * @param breakerFailureRate    failure rate in percent that opens a camera's circuit breaker [50]
 * @param breakerWindow         number of calls the failure rate is computed over [10]
 * @param breakerOpenFor        how long an open breaker refuses calls before probing again [10 s]
 */
public record ResilienceOptions(Duration operationTimeout, int retryAttempts, Duration retryInitialBackoff,
                                Duration retryMaxBackoff, double retryJitter, float breakerFailureRate,
                                int breakerWindow, Duration breakerOpenFor) {
    public ResilienceOptions {
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(retryInitialBackoff, "retryInitialBackoff");
        Objects.requireNonNull(retryMaxBackoff, "retryMaxBackoff");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("retryAttempts must be >= 1");
        }
        if (retryJitter < 0 || retryJitter > 1) {
            throw new IllegalArgumentException("retryJitter must be 0..1");
        }
        if (breakerFailureRate <= 0 || breakerFailureRate > 100 || breakerWindow < 1) {
            throw new IllegalArgumentException("breakerFailureRate must be in (0, 100], breakerWindow >= 1");
        }
    }

    public static ResilienceOptions defaults() {
        return new ResilienceOptions(Duration.ofSeconds(20), 3, Duration.ofMillis(100), Duration.ofSeconds(2), 0.5,
                50f, 10, Duration.ofSeconds(10));
    }

    public ResilienceOptions withOperationTimeout(Duration d) {
        return new ResilienceOptions(d, retryAttempts, retryInitialBackoff, retryMaxBackoff, retryJitter,
                breakerFailureRate, breakerWindow, breakerOpenFor);
    }

    public ResilienceOptions withRetry(int attempts, Duration initialBackoff, Duration maxBackoff) {
        return new ResilienceOptions(operationTimeout, attempts, initialBackoff, maxBackoff, retryJitter,
                breakerFailureRate, breakerWindow, breakerOpenFor);
    }

    public ResilienceOptions withBreaker(float failureRate, int window, Duration openFor) {
        return new ResilienceOptions(operationTimeout, retryAttempts, retryInitialBackoff, retryMaxBackoff,
                retryJitter, failureRate, window, openFor);
    }
}
