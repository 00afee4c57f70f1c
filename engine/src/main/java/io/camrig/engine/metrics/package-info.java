/**
 * Micrometer metrics of a rig: per-camera timers of each step, counters of retries, reconnects
 * and packet errors, circuit-breaker state, the distribution of fire spread, and bytes
 * downloaded. A camera is metered through {@link io.camrig.engine.metrics.MeteredCamera} (its name
 * and link counts), so this package does not depend on the rig that records into it. Serving the
 * metrics to Prometheus is module {@code camrig-prometheus}.
 */
package io.camrig.engine.metrics;
