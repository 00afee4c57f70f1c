package io.camrig.simulator.ble;

import io.camrig.ble.spi.BleException;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.ble.spi.GattNotification;
import io.camrig.simulator.camera.GattServerSession;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.fault.LinkFaults;
import java.util.UUID;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * A central's connection to a {@link VirtualCamera}. Writes reach the camera one latency after
 * they are issued and complete then; notifications reach the central one latency after the camera
 * sends them; a read takes a round trip. When either side drops the link, pending and later
 * operations error with {@link BleException}, {@link #notifications()} completes and
 * {@link #states()} emits {@link ConnectionState#DISCONNECTED}.
 */
public final class SimulatedGattConnection implements GattConnection {
    /** Notifications buffered for a slow subscriber before the link reports an overflow. */
    private static final int NOTIFICATION_BUFFER = 4096;

    private final VirtualCamera camera;
    private final LinkDirection up;
    private final LinkDirection down;
    private final Sinks.Many<GattNotification> notifications =
            Sinks.many().multicast().onBackpressureBuffer(NOTIFICATION_BUFFER, false);
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private final GattServerSession session;
    private final LinkFaults faults;
    private volatile boolean connected = true;

    SimulatedGattConnection(VirtualCamera camera, Scheduler scheduler, Runnable onCameraGone, LinkFaults faults) {
        this.camera = camera;
        this.faults = faults;
        this.up = new LinkDirection(scheduler, camera.latency());
        this.down = new LinkDirection(scheduler, camera.latency());
        states.tryEmitNext(ConnectionState.CONNECTED);
        Consumer<GattNotification> outbound = n -> {
            for (byte[] packet : faults.onPacket(n.characteristic(), n.value())) {
                GattNotification delivered = new GattNotification(n.characteristic(), packet);
                down.send(() -> {
                    if (connected) {
                        notifications.tryEmitNext(delivered);
                    }
                }, faults.jitterNanos());
            }
        };
        // A camera that drops its link by fault injection is gone, as after a battery pull.
        this.session = camera.openSession(outbound, () -> {
            onCameraGone.run();
            down.send(() -> disconnect("the camera dropped the link"));
        }, faults);
    }

    @Override
    public String address() {
        return camera.identity().address();
    }

    @Override
    public Mono<Void> write(UUID characteristic, byte[] value) {
        byte[] packet = value.clone();
        return Mono.<Void>create(sink -> up.send(() -> {
            if (failIfDown(sink)) {
                return;
            }
            if (faults.dropLinkNow()) {
                disconnect("link drop (fault injection)");
                failIfDown(sink);
                return;
            }
            session.onWrite(characteristic, packet);
            sink.success();
        }, faults.jitterNanos()));
    }

    @Override
    public Mono<byte[]> read(UUID characteristic) {
        return Mono.create(sink -> up.send(() -> {
            if (failIfDown(sink)) {
                return;
            }
            byte[] value;
            try {
                value = session.onRead(characteristic);
            } catch (BleException e) {
                down.send(() -> sink.error(e));
                return;
            }
            down.send(() -> {
                if (!failIfDown(sink)) {
                    sink.success(value);
                }
            });
        }));
    }

    @Override
    public Mono<Void> enableNotifications(UUID characteristic) {
        return Mono.<Void>create(sink -> up.send(() -> {
            if (failIfDown(sink)) {
                return;
            }
            session.enableNotifications(characteristic);
            sink.success();
        }));
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
        // Disconnect on the delivery worker so that no notification is emitted concurrently.
        return Mono.defer(() -> connected
                ? Mono.<Void>create(sink -> down.send(() -> {
                    disconnect("closed by the central");
                    sink.success();
                }))
                : Mono.empty());
    }

    /** Drops the link now, as radio trouble would; the camera stays reachable (fault injection). */
    public void dropLink() {
        down.send(() -> disconnect("link drop (fault injection)"));
    }

    private boolean failIfDown(MonoSink<?> sink) {
        if (!connected) {
            sink.error(new BleException("BLE link lost", address()));
            return true;
        }
        return false;
    }

    private synchronized void disconnect(String reason) {
        if (!connected) {
            return;
        }
        connected = false;
        session.close();
        states.tryEmitNext(ConnectionState.DISCONNECTED);
        notifications.tryEmitComplete();
        up.shutdownAfterPending();
        down.shutdownAfterPending();
    }
}
