/**
 * {@code camrig http}: one camera over its HTTP API, wherever it is reachable (Wi-Fi AP, USB,
 * COHN over HTTPS, a simulated camera): state, info, version, media list and download (resumed,
 * verified, turbo transfer around it), shutter, settings, and mDNS discovery. User documentation:
 * {@code docs/http.md}.
 */
package io.camrig.cli.http;
