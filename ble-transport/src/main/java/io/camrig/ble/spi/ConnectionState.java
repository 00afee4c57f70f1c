package io.camrig.ble.spi;

/** The state of a BLE link. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED
}
