package io.camrig.ble.spi;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connected peripheral's GATT client. Knows nothing about GoPro: it moves byte arrays of at
 * most one ATT payload (20 bytes with the default MTU) to and from characteristics.
 *
 * <p>Nothing happens until a returned publisher is subscribed. After the link is lost every
 * pending and later operation errors with {@link BleException} ({@link BleException#isTransient()}
 * is {@code true}), {@link #notifications()} completes and {@link #states()} emits
 * {@link ConnectionState#DISCONNECTED}.
 */
public interface GattConnection {

    /** The peripheral's address. */
    String address();

    /** Writes a value to a characteristic (write with response). */
    Mono<Void> write(UUID characteristic, byte[] value);

    /** Reads a characteristic's value directly (not request/response). */
    Mono<byte[]> read(UUID characteristic);

    /** Enables notifications (writes the CCCD) on a characteristic. */
    Mono<Void> enableNotifications(UUID characteristic);

    /**
     * Every notification from every characteristic whose notifications are enabled, in arrival
     * order. A hot stream: subscribe before writing the request whose response you want.
     */
    Flux<GattNotification> notifications();

    /** The link state, starting with the current one. */
    Flux<ConnectionState> states();

    /** Disconnects. Completes when the link is down; idempotent. */
    Mono<Void> close();
}
