/**
 * A {@link io.camrig.ble.spi.BleCentral} on Linux's Bluetooth stack: BlueZ's D-Bus API
 * ({@code org.bluez} on the system bus), through bluez-dbus and dbus-java.
 *
 * <p>Roles, one class each: {@link io.camrig.ble.bluez.BluezCentral} (the entry point and the
 * per-adapter connect gate), {@code BusSession} (the bus connection, adapter selection and the
 * signal router), {@code AdapterDiscovery} (discovery filtered on a service UUID),
 * {@code DeviceConnector} (connect, pair, service resolution, stale-bond repair),
 * {@link io.camrig.ble.bluez.BluezGattConnection} (reads, writes, notifications from
 * {@code PropertiesChanged "Value"}, disconnect detection), {@code OperationQueue} (one operation in
 * flight per device, each with a time limit), {@code PairingAgent} (an {@code org.bluez.Agent1} that
 * accepts Just Works pairing for the devices camrig connects to) and {@code BluezErrors} (BlueZ's
 * D-Bus error names to the typed errors of this package; {@link org.bluez.Error} declares those names
 * as classes, which is how dbus-java 5.2.0 keeps them).
 *
 * <p>Threading: every blocking D-Bus call runs on {@link reactor.core.scheduler.Schedulers#boundedElastic()},
 * never on a caller's thread; D-Bus signals arrive on dbus-java's single signal thread, in order.
 *
 * <p>Source: BlueZ's D-Bus API documents (org.bluez.Adapter, Device, GattCharacteristic, Agent,
 * AgentManager); Open GoPro BLE spec, "BLE Setup" (pairing, service 0xFEA6, notifications).
 */
package io.camrig.ble.bluez;
