/**
 * Micrometer metrics of a rig: per-camera timers of each step, counters of retries, reconnects
 * and packet errors, circuit-breaker state, the distribution of fire spread, and bytes
 * downloaded; and a Prometheus endpoint on 127.0.0.1.
 */
package io.camrig.engine.metrics;
