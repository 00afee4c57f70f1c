/**
 * Resilience4j policies of the engine, one set per camera: a time limit on every rig operation,
 * retries with exponential backoff and jitter for idempotent operations only, and a circuit
 * breaker. Applied with {@code transformDeferred} in the engine only; transports stay plain.
 */
package io.camrig.engine.resilience;
