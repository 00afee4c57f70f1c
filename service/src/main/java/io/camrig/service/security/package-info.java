/**
 * The service's protection: {@link io.camrig.service.security.AccessGuard} (loopback Host check,
 * bearer token, same-origin check of state-changing requests) and
 * {@link io.camrig.service.security.ServiceToken} (generated once, stored as a SHA-256 hash with
 * mode 0600 beside the credentials).
 */
package io.camrig.service.security;
