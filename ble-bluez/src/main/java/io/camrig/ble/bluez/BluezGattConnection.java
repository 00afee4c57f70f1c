package io.camrig.ble.bluez;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.ble.spi.GattNotification;
import io.camrig.dbus.DbusValues;
import io.camrig.proto.gatt.GoProUuid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.bluez.Device1;
import org.bluez.GattCharacteristic1;
import org.freedesktop.dbus.types.Variant;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * A connected device's GATT client over BlueZ. Reads ({@code ReadValue}), writes
 * ({@code WriteValue} with {@code type "request"}, or {@code "command"} for
 * {@link #writeWithoutResponse}) and notification subscriptions ({@code StartNotify}) go through one
 * {@link OperationQueue}: one in flight at a time, each limited to
 * {@link BluezOptions#operationTimeout()}. Notifications are the {@code PropertiesChanged} signals
 * of a characteristic's {@code Value}, delivered in bus order — only for characteristics whose
 * notifications this connection enabled (BlueZ also updates {@code Value} after a read).
 *
 * <p>The link is down when the device's {@code Connected} turns false, BlueZ removes the device,
 * the bus connection closes, or {@link #close()} is called. (While the link is being set up, the
 * first two count only after {@code Connected} was seen true: signals from a disconnect or removal
 * just before — the stale-bond repair does both — can still be in flight.) Then every pending and later operation
 * fails with {@link BluezNotConnectedException} ("BLE link lost …"), {@link #notifications()}
 * completes and {@link #states()} emits {@link ConnectionState#DISCONNECTED}. Operation errors are
 * the typed errors of {@link BluezErrors}.
 */
public final class BluezGattConnection implements GattConnection {
    private static final int NOTIFICATION_BUFFER = 4096;

    private final BusSession session;
    private final String address;
    private final String devicePath;
    private final BluezOptions options;
    private final OperationQueue queue;
    private final Runnable onDown;
    private final Map<String, UUID> uuidByPath = new ConcurrentHashMap<>();
    private final Set<String> notifying = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<GattNotification> notifications =
            Sinks.many().multicast().onBackpressureBuffer(NOTIFICATION_BUFFER, false);
    private final Sinks.Many<ConnectionState> states = Sinks.many().replay().latest();
    private volatile Disposable listening;
    private volatile Map<UUID, String> characteristics = Map.of();
    private volatile boolean up = true;
    /** Whether this link has seen {@code Connected} turn true, or has been attached. */
    private volatile boolean established;

    BluezGattConnection(BusSession session, String address, String devicePath, BluezOptions options,
                        Scheduler timer, Runnable onDown) {
        this.session = session;
        this.address = address;
        this.devicePath = devicePath;
        this.options = options;
        this.queue = new OperationQueue(address, timer);
        this.onDown = onDown;
        states.tryEmitNext(ConnectionState.CONNECTING);
        this.listening = session.listen(devicePath, new Listener());
        if (!up) {
            listening.dispose();
        }
    }

    /** Called by the connector once services are resolved: characteristic UUID → object path. */
    void attach(Map<UUID, String> table) {
        characteristics = Map.copyOf(table);
        table.forEach((uuid, path) -> uuidByPath.put(path, uuid));
        established = true;
        emitState(ConnectionState.CONNECTED);
    }

    /** BlueZ's object path of the device, e.g. {@code /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF}. */
    public String devicePath() {
        return devicePath;
    }

    /** The resolved characteristics' UUIDs. */
    public Set<UUID> characteristics() {
        return characteristics.keySet();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Mono<Void> write(UUID characteristic, byte[] value) {
        return write(characteristic, value, "request", "write ");
    }

    /** Writes without response (ATT Write Command): completes once BlueZ has queued the packet. */
    public Mono<Void> writeWithoutResponse(UUID characteristic, byte[] value) {
        return write(characteristic, value, "command", "write-without-response ");
    }

    /**
     * A write leaves from the subscribing thread when the device's queue is idle: no hop to a
     * blocking pool before {@code WriteValue} (a released shutter is subscribed on the fire
     * thread, and a hop there would land inside the rig's fire spread); the call is handed to
     * dbus-java's sender thread at once and its reply completes the Mono.
     */
    private Mono<Void> write(UUID characteristic, byte[] value, String type, String verb) {
        byte[] copy = value.clone();
        String name = verb + label(characteristic);
        return queued(name, characteristic, c -> session.callNow(address, name, c, "WriteValue", copy,
                Map.of("type", new Variant<>(type))));
    }

    @Override
    public Mono<byte[]> read(UUID characteristic) {
        return operation("read " + label(characteristic), characteristic, c -> () -> c.ReadValue(Map.of()));
    }

    @Override
    public Mono<Void> enableNotifications(UUID characteristic) {
        String op = "enable notifications " + label(characteristic);
        return operation(op, characteristic, c -> () -> {
            // Mark it first: the first notification may overtake StartNotify's reply.
            String path = characteristics.get(characteristic);
            notifying.add(path);
            try {
                c.StartNotify();
            } catch (RuntimeException e) {
                notifying.remove(path);
                throw e;
            }
            return null;
        });
    }

    @Override
    public Flux<GattNotification> notifications() {
        return notifications.asFlux();
    }

    @Override
    public Flux<ConnectionState> states() {
        return states.asFlux();
    }

    /** Disconnects ({@code Device1.Disconnect}); completes when BlueZ has answered. Idempotent. */
    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (!up) {
                return Mono.empty();
            }
            Device1 device = session.proxy(devicePath, Device1.class);
            return session.call(address, "disconnect", () -> {
                        device.Disconnect();
                        return null;
                    })
                    .timeout(options.operationTimeout())
                    .onErrorResume(e -> Mono.empty())
                    .then(Mono.fromRunnable(() -> linkDown("closed by the central")));
        });
    }

    /** {@code false} once the link is down. */
    public boolean isConnected() {
        return up;
    }

    /** Drops a connection that never came up, without touching BlueZ. */
    void abandon() {
        linkDown("connection setup failed");
    }

    private <T> Mono<T> operation(String name, UUID characteristic,
                                  java.util.function.Function<GattCharacteristic1, Callable<T>> call) {
        return queued(name, characteristic, c -> session.call(address, name, call.apply(c)));
    }

    /** Runs {@code work} on the characteristic's proxy through the device's operation queue. */
    private <T> Mono<T> queued(String name, UUID characteristic,
                               java.util.function.Function<GattCharacteristic1, Mono<T>> work) {
        return Mono.defer(() -> {
            String path = characteristics.get(characteristic);
            if (path == null) {
                return Mono.error(up ? new BluezException("no such characteristic on this device", address, name, null,
                        null) : new BluezNotConnectedException("BLE link lost", address, name, null, null));
            }
            GattCharacteristic1 c = session.proxy(path, GattCharacteristic1.class);
            return queue.submit(name, work.apply(c), options.operationTimeout());
        });
    }

    private static String label(UUID uuid) {
        return GoProUuid.of(uuid).map(GoProUuid::label).orElse(uuid.toString());
    }

    private synchronized void emitState(ConnectionState s) {
        if (up) {
            states.tryEmitNext(s);
        }
    }

    private void linkDown(String reason) {
        synchronized (this) {
            if (!up) {
                return;
            }
            up = false;
            states.tryEmitNext(ConnectionState.DISCONNECTED);
            notifications.tryEmitComplete();
        }
        Disposable l = listening;
        if (l != null) {
            l.dispose();
        }
        queue.close(new BluezNotConnectedException("BLE link lost (" + reason + ")", address, null, null, null));
        onDown.run();
    }

    private final class Listener implements BusSession.SignalListener {
        @Override
        public void propertiesChanged(String path, String iface, Map<String, Object> changed) {
            if (BusSession.GATT_CHARACTERISTIC.equals(iface) && changed.containsKey("Value") && notifying.contains(path)) {
                UUID uuid = uuidByPath.get(path);
                byte[] value = DbusValues.bytes(changed.get("Value"));
                if (uuid != null && value != null) {
                    synchronized (BluezGattConnection.this) {
                        if (up) {
                            notifications.tryEmitNext(new GattNotification(uuid, value));
                        }
                    }
                }
            } else if (path.equals(devicePath) && BusSession.DEVICE.equals(iface) && changed.containsKey("Connected")) {
                if (DbusValues.bool(changed.get("Connected"))) {
                    established = true;
                } else if (established) {
                    // Before that, a "false" may be a late echo of a Disconnect that preceded our Connect.
                    linkDown("the peripheral disconnected");
                }
            }
        }

        @Override
        public void interfacesRemoved(String path, List<String> interfaces) {
            if (path.equals(devicePath) && interfaces.contains(BusSession.DEVICE) && established) {
                linkDown("BlueZ removed the device");
            }
        }

        @Override
        public void busClosed() {
            linkDown("the D-Bus connection to BlueZ closed");
        }
    }
}
