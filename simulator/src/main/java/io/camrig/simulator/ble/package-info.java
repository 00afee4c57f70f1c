/**
 * The simulated BLE link: an in-process implementation of the BLE SPI
 * ({@link io.camrig.ble.spi.BleCentral}, {@link io.camrig.ble.spi.GattConnection}) with a per-camera
 * one-way latency, in-order delivery in each direction, and link drops.
 */
package io.camrig.simulator.ble;
