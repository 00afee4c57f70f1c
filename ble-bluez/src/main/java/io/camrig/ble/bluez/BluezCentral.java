package io.camrig.ble.bluez;

import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.BleCentral;
import io.camrig.ble.spi.GattConnection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link BleCentral} on BlueZ, the Linux Bluetooth stack, through its D-Bus API. Create one with
 * {@link #create(BluezOptions)}; nothing touches the bus until a returned publisher is subscribed
 * (the first subscription connects to the bus and selects the adapter, and fails with
 * {@link BluezUnavailableException} when either is impossible).
 *
 * <ul>
 *   <li>{@link #scan} runs discovery with a filter on the service UUID (for a GoPro, 0xFEA6) and
 *       reports each named device once; {@link #scanWithData} adds the manufacturer data.</li>
 *   <li>{@link #connect} connects, pairs with an agent when the device is not bonded, waits for
 *       service resolution and returns a {@link BluezGattConnection}; only one connect runs at a
 *       time on the adapter (BlueZ and most controllers handle one LE connection attempt at a time).
 *       A stale bond is removed and paired again once (see {@link BluezOptions#repairStaleBonds()}).</li>
 *   <li>{@link #removeBond} forgets a device and its keys, like {@code bluetoothctl remove}.</li>
 * </ul>
 * Errors are the typed errors of this package: {@link BluezException} and its subclasses
 * (transient), {@link BluezUnavailableException} (permanent). Blocking D-Bus calls run on
 * {@link Schedulers#boundedElastic()}.
 *
 * <p>Source: BlueZ D-Bus API ({@code org.bluez.Adapter1}, {@code Device1}, {@code GattCharacteristic1},
 * {@code AgentManager1}); Open GoPro BLE spec, "BLE Setup".
 */
public final class BluezCentral implements BleCentral, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BluezCentral.class);

    private record Parts(BusSession session, AdapterDiscovery discovery, PairingAgent agent,
                         DeviceConnector connector) {
    }

    private final BluezOptions options;
    private final Scheduler timer;
    private final OperationQueue connectGate;
    private final Set<BluezGattConnection> links = new HashSet<>();
    private Parts parts;
    private boolean closed;

    private BluezCentral(BluezOptions options, Scheduler timer) {
        this.options = Objects.requireNonNull(options, "options");
        this.timer = timer;
        this.connectGate = new OperationQueue(options.adapter(), timer);
    }

    /** A central on the adapter and bus {@code options} name. Does not touch the bus yet. */
    public static BluezCentral create(BluezOptions options) {
        return new BluezCentral(options, Schedulers.parallel());
    }

    public BluezOptions options() {
        return options;
    }

    /** Devices advertising {@code serviceUuid} with a name, each once, for {@code duration}. */
    @Override
    public Flux<Advertisement> scan(UUID serviceUuid, Duration duration) {
        return scanWithData(serviceUuid, duration).map(BluezAdvertisement::advertisement);
    }

    /** Like {@link #scan}, with the manufacturer data and the device's object path. */
    public Flux<BluezAdvertisement> scanWithData(UUID serviceUuid, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return parts().flatMapMany(p -> p.discovery().scan(serviceUuid, duration, timer));
    }

    /**
     * Connects to the device with {@code address} (for example {@code "D4:D9:19:9A:0E:6B"}), pairing
     * when needed, and resolves its services. Waits for any other connect on this central to finish
     * first. The result is a {@link BluezGattConnection}.
     */
    @Override
    public Mono<GattConnection> connect(String address) {
        Objects.requireNonNull(address, "address");
        return parts().flatMap(p -> connectGate.submit("connect " + address, p.connector().connect(address),
                        options.connectBudget()))
                .doOnNext(this::track)
                .map(GattConnection.class::cast);
    }

    /**
     * Disconnects the device and removes it with its bond ({@code Adapter1.RemoveDevice}); the next
     * connect discovers and pairs it afresh (the camera must be in pairing mode). Completes also when
     * BlueZ does not know the device.
     */
    public Mono<Void> removeBond(String address) {
        Objects.requireNonNull(address, "address");
        return parts().flatMap(p -> p.connector().removeBond(address));
    }

    /**
     * Disconnects the devices this central connected and that are still up, unregisters the pairing
     * agent and closes the bus connection. Idempotent; later calls fail with
     * {@link BluezUnavailableException}.
     */
    public Mono<Void> shutdown() {
        return Flux.defer(() -> {
                    List<BluezGattConnection> open;
                    synchronized (this) {
                        closed = true;
                        open = List.copyOf(links);
                        links.clear();
                    }
                    return Flux.fromIterable(open);
                })
                .flatMap(link -> link.close().onErrorResume(e -> Mono.empty()))
                .then(Mono.<Void>fromRunnable(() -> {
                    Parts p;
                    synchronized (this) {
                        p = parts;
                        parts = null;
                    }
                    if (p != null) {
                        p.agent().unregister();
                        p.session().close();
                    }
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** Starts {@link #shutdown()} without waiting for it. */
    @Override
    public void close() {
        shutdown().subscribe(null, e -> log.warn("closing the BlueZ central failed: {}", e.toString()));
    }

    private synchronized void track(BluezGattConnection link) {
        links.removeIf(l -> !l.isConnected());
        links.add(link);
    }

    private Mono<Parts> parts() {
        return Mono.fromCallable(this::open).subscribeOn(Schedulers.boundedElastic());
    }

    private synchronized Parts open() {
        if (closed) {
            throw new BluezUnavailableException("the central is closed", null, "open", null, null);
        }
        if (parts == null || parts.session().isClosed()) {
            BusSession session = BusSession.open(options);
            AdapterDiscovery discovery = new AdapterDiscovery(session, options, timer);
            PairingAgent agent = new PairingAgent(session);
            parts = new Parts(session, discovery, agent, new DeviceConnector(session, discovery, agent, options, timer));
        }
        return parts;
    }
}
