/**
 * The D-Bus plumbing camrig's Linux backends share, over dbus-java: {@link io.camrig.dbus.DbusValues}
 * reads the loosely typed values dbus-java returns (variants, unsigned numbers, object paths,
 * structs, {@code ay}). Used by ble-transport's BlueZ backend ({@code io.camrig.ble.bluez}) and
 * http-transport's NetworkManager backend ({@code io.camrig.http.wifi.nm}); what is specific to one
 * service (BlueZ's UUID lists and manufacturer data, NetworkManager's codes) stays in its backend.
 *
 * <p>The test-jar holds the matching fixture, {@code io.camrig.dbus.testing}: a private
 * {@code dbus-daemon} with python-dbusmock templates on it.
 */
package io.camrig.dbus;
