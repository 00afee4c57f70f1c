/**
 * The host's Wi-Fi through NetworkManager's D-Bus API: {@link io.camrig.http.wifi.nm.NetworkManagerWifi}
 * implements {@link io.camrig.http.wifi.HostWifi} (scan, join a camera's AP with a time limit and
 * typed failure reasons, restore the previous connection), configured by {@link
 * io.camrig.http.wifi.nm.NetworkManagerOptions}. Uses dbus-java; needs NetworkManager 1.8 or later
 * and the right to add and activate connections (polkit {@code org.freedesktop.NetworkManager.*}).
 * {@link io.camrig.http.wifi.nm.NmApi} is public only because dbus-java builds its proxies and
 * signals by reflection.
 */
package io.camrig.http.wifi.nm;
