/**
 * The host's Wi-Fi, as a service provider interface ({@link io.camrig.http.wifi.HostWifi}): scan,
 * join a camera's access point with a time limit, say why a link is not up with typed errors, and
 * restore the previous connection.
 */
package io.camrig.http.wifi;
