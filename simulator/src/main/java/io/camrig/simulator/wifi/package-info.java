/**
 * The host side of the simulated Wi-Fi: {@link io.camrig.simulator.wifi.SimulatedHostWifi}, a
 * {@link io.camrig.http.wifi.HostWifi} that sees the virtual cameras' access points and the
 * simulated networks.
 */
package io.camrig.simulator.wifi;
