/**
 * The engine's resilience, one set of policies per camera: a time limit on every rig operation,
 * retries with exponential backoff and jitter for idempotent operations only, and a Resilience4j
 * circuit breaker. Applied with {@code transformDeferred} / {@code retryWhen} in the engine only;
 * transports stay plain.
 *
 * <p>One clock and one retry mechanism: every wait (time limit, retry backoff, reconnect backoff)
 * runs on the cameras' scheduler ({@code CameraOptions.scheduler()}), and every retry, of an
 * operation or of a reconnect, is Reactor's {@code Retry.backoff} built by {@link
 * io.camrig.engine.resilience.Backoff} (why not Resilience4j's retry: see there).
 */
package io.camrig.engine.resilience;
