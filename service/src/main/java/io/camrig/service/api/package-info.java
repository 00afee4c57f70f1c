/**
 * The HTTP surface of {@code camrig serve}, as described in {@code openapi.yaml}: reads
 * ({@code ReadRoutes}), actions with per-camera outcomes ({@code ActionRoutes}), the event stream
 * and Prometheus metrics ({@code EventRoutes}), and the console's static files
 * ({@code StaticRoutes}); every route guarded by {@link io.camrig.service.api.Guarded}.
 */
package io.camrig.service.api;
