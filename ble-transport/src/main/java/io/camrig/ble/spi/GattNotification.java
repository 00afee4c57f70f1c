package io.camrig.ble.spi;

import java.util.Objects;
import java.util.UUID;

/**
 * One notification (or indication) from a characteristic.
 *
 * @param characteristic the characteristic's UUID
 * @param value          the packet, at most one ATT payload; not copied (the hot path), do not mutate
 */
public record GattNotification(UUID characteristic, byte[] value) {
    public GattNotification {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(value, "value");
    }
}
