package io.camrig.engine.camera;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.engine.lifecycle.Disposal;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.CameraMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What a {@link Camera} runs on: its link, its worker (one of {@link CameraOptions#scheduler()}),
 * one {@link ExchangeQueue} per request characteristic, the {@link InboundPipeline}, the status
 * cache and the two hubs (status updates, unsolicited messages), and their lifecycle: started by
 * {@link Camera#open}, down when the link drops, released by {@link #dispose()}. {@code Camera} is
 * the operations on top of it.
 */
final class CameraConnection {
    private final String name;
    private final GattConnection connection;
    private final CameraOptions options;
    private final Scheduler worker;
    private final Map<GoProUuid, ExchangeQueue> queues = new EnumMap<>(GoProUuid.class);
    private final StatusCache statusCache = new StatusCache();
    private final Sinks.Many<StatusUpdate> statusHub = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<CameraMessage> unsolicitedHub = Sinks.many().multicast().directBestEffort();
    private final InboundPipeline inbound;
    private final Disposable.Composite subscriptions = Disposables.composite();
    private final CameraLink link;
    private final AtomicLong deliveriesDropped = new AtomicLong();
    private final Disposal disposal = new Disposal();
    private volatile boolean connected = true;

    CameraConnection(GattConnection connection, String name, CameraOptions options) {
        this.name = name;
        this.connection = connection;
        this.options = options;
        this.worker = Schedulers.single(options.scheduler());
        Map<GoProUuid, ExchangeQueue> byResponse = new EnumMap<>(GoProUuid.class);
        for (GoProUuid request : new GoProUuid[] {GoProUuid.COMMAND, GoProUuid.SETTINGS, GoProUuid.QUERY,
                GoProUuid.NETWORK_MANAGEMENT_COMMAND}) {
            ExchangeQueue q = new ExchangeQueue(request, connection, worker, name);
            queues.put(request, q);
            byResponse.put(request.responseCharacteristic().orElseThrow(), q);
        }
        this.inbound = new InboundPipeline(name, byResponse, worker, statusCache, statusHub, unsolicitedHub,
                options.maxMessageLength());
        this.link = new CameraLink(name, options, queues, unsolicitedHub.asFlux(), () -> connected);
    }

    /** Subscribes to the link's notifications and states. */
    void start() {
        // Notifications are handled on the transport's thread; only messages that may answer an
        // exchange hop to the worker (see InboundPipeline).
        subscriptions.add(connection.notifications()
                .subscribe(inbound::onNotification, e -> Confined.schedule(worker, () -> linkDown(e)),
                        () -> Confined.schedule(worker, () -> linkDown(null))));
        subscriptions.add(connection.states()
                .filter(s -> s == ConnectionState.DISCONNECTED)
                .subscribe(s -> Confined.schedule(worker, () -> linkDown(null))));
    }

    private void linkDown(Throwable cause) {
        if (!connected) {
            return;
        }
        connected = false;
        ConnectionClosedException closed = new ConnectionClosedException(name, null, cause);
        queues.values().forEach(q -> q.close(closed));
        try {
            Hubs.error(statusHub, closed, name, "status updates");
        } finally {
            Hubs.complete(unsolicitedHub, name, "unsolicited messages");
        }
    }

    CameraLink link() {
        return link;
    }

    GattConnection gatt() {
        return connection;
    }

    StatusCache statusCache() {
        return statusCache;
    }

    /** Status updates as decoded, not yet delivered (for the engine's own waits). */
    Flux<StatusUpdate> statusHub() {
        return statusHub.asFlux();
    }

    boolean isConnected() {
        return connected;
    }

    LinkStats linkStats() {
        return inbound.stats(deliveriesDropped.get());
    }

    /** Takes all from the hub, counts what the subscriber's buffer cannot hold, delivers the rest. */
    Flux<StatusUpdate> statusUpdates() {
        return bestEffort(statusHub.asFlux());
    }

    Flux<CameraMessage> unsolicited() {
        return bestEffort(unsolicitedHub.asFlux());
    }

    private <T> Flux<T> bestEffort(Flux<T> hub) {
        return hub.onBackpressureDrop(dropped -> deliveriesDropped.incrementAndGet())
                .publishOn(options.deliveryScheduler());
    }

    /**
     * Stops reading the link, closes it, fails every pending exchange, ends the hubs, then
     * disposes the worker; see {@link Camera#dispose()}.
     */
    void dispose() {
        if (!disposal.start()) {
            return;
        }
        subscriptions.dispose();
        connection.close()
                .onErrorMap(e -> new ConnectionClosedException(name, "close", e))
                .materialize()
                .subscribe(signal -> {
                    Runnable end = () -> {
                        linkDown(null);
                        worker.dispose();
                        disposal.finish(signal.hasError() ? List.of(signal.getThrowable()) : List.of());
                    };
                    if (!Confined.schedule(worker, end)) {
                        end.run();
                    }
                });
    }

    boolean isDisposed() {
        return disposal.isStarted();
    }

    Mono<Void> onDispose() {
        return disposal.done();
    }
}
