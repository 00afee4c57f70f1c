package io.camrig.benchmarks.support;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.ble.spi.GattNotification;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The smallest {@link GattConnection} the engine accepts: writes and CCCD writes succeed at once,
 * reads return an empty value, and notifications are whatever {@link #push(GattNotification)} is
 * given. It stands for a transport whose cost is zero, so that a benchmark measures the engine's
 * side of the link only.
 *
 * <p>Notifications go through an unbounded unicast sink: the engine's one subscriber applies its
 * own back-pressure, and nothing is dropped here. {@link #push} must be called from one thread at
 * a time, as a transport's receive thread does.
 */
public final class LoopbackGattConnection implements GattConnection {
    private final String address;
    private final Sinks.Many<GattNotification> notifications = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();

    /** @param address the address reported by {@link #address()} */
    public LoopbackGattConnection(String address) {
        this.address = address;
        states.tryEmitNext(ConnectionState.CONNECTED);
    }

    /**
     * Delivers one notification to the subscriber, on the calling thread.
     *
     * @throws IllegalStateException when the sink refuses it (closed, or called concurrently)
     */
    public void push(GattNotification notification) {
        Sinks.EmitResult result = notifications.tryEmitNext(notification);
        if (result.isFailure()) {
            throw new IllegalStateException("notification refused: " + result);
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Mono<Void> write(UUID characteristic, byte[] value) {
        return Mono.empty();
    }

    @Override
    public Mono<byte[]> read(UUID characteristic) {
        return Mono.just(new byte[0]);
    }

    @Override
    public Mono<Void> enableNotifications(UUID characteristic) {
        return Mono.empty();
    }

    @Override
    public Flux<GattNotification> notifications() {
        return notifications.asFlux();
    }

    @Override
    public Flux<ConnectionState> states() {
        return states.asFlux();
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            states.tryEmitNext(ConnectionState.DISCONNECTED);
            notifications.tryEmitComplete();
        });
    }
}
