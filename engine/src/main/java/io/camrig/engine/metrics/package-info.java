/**
 * Micrometer metrics of a rig: per-camera timers of each step, counters of retries, reconnects
 * and packet errors, circuit-breaker state, the distribution of fire spread, and bytes
 * downloaded. Serving them to Prometheus is module {@code camrig-prometheus}.
 */
package io.camrig.engine.metrics;
