package io.camrig.ble.spi;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One BLE advertisement as a central sees it.
 *
 * @param address      the peripheral's address (a MAC address, or a simulator id)
 * @param name         the advertised local name, e.g. {@code "GoPro 1234"}
 * @param serviceUuids the advertised service UUIDs
 * @param rssi         received signal strength in dBm
 */
public record Advertisement(String address, String name, Set<UUID> serviceUuids, int rssi) {
    public Advertisement {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        serviceUuids = Set.copyOf(serviceUuids);
    }
}
