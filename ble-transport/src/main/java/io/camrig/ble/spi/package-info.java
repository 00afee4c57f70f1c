/**
 * The BLE service provider interface: {@link io.camrig.ble.spi.BleCentral} and
 * {@link io.camrig.ble.spi.GattConnection}. It knows nothing about GoPro; the simulator and the
 * BlueZ backend implement it.
 */
package io.camrig.ble.spi;
