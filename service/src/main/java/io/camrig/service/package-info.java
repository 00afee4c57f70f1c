/**
 * {@code camrig serve}: a rig as a long-running service. {@link io.camrig.service.RigService}
 * serves a connected rig on one Reactor Netty HTTP server — a JSON API described by
 * {@code openapi.yaml} (in this package's resources, also served at {@code /api/openapi.yaml}),
 * Server-Sent Events coalesced per camera, Prometheus {@code /metrics}, and the web console —
 * with the access rules of {@link io.camrig.service.security.AccessGuard}. See docs/service.md.
 */
package io.camrig.service;
