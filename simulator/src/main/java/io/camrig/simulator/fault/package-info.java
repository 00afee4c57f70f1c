/**
 * Fault injection for the virtual rig, by named profile: latency jitter, duplicated, skipped or
 * reordered packets, lost notifications and transient link drops on the BLE link; slow or cut
 * HTTP responses. Every injected fault is counted, so tests can check that the engine's metrics
 * agree with what was done to it.
 */
package io.camrig.simulator.fault;
