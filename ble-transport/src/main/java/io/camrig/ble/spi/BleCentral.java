package io.camrig.ble.spi;

import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The BLE central role: scans for peripherals and connects to them. Knows nothing about GoPro.
 * Nothing happens until a returned publisher is subscribed.
 *
 * <p>Implementations: the simulator's in-process link; a BlueZ backend over D-Bus.
 */
public interface BleCentral {

    /**
     * Scans for advertisements that list {@code serviceUuid}. Each peripheral is emitted once.
     * Completes after {@code duration}; cancel to stop early.
     */
    Flux<Advertisement> scan(UUID serviceUuid, Duration duration);

    /**
     * Connects to a peripheral by address and resolves its GATT services. Errors with
     * {@link BleException} (transient) when the peripheral cannot be reached.
     */
    Mono<GattConnection> connect(String address);
}
