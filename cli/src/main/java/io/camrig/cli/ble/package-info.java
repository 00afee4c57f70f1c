/**
 * Choosing the BLE stack on the command line: {@link io.camrig.cli.ble.BleOptions}, a picocli
 * mixin ({@code --ble simulated|bluez}, {@code --adapter}, {@code --dbus-address}).
 */
package io.camrig.cli.ble;
