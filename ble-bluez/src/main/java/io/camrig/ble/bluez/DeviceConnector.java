package io.camrig.ble.bluez;

import io.camrig.ble.spi.ConnectionState;
import io.camrig.dbus.DbusValues;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bluez.Adapter1;
import org.bluez.Device1;
import org.freedesktop.dbus.DBusPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Brings a device from an address to a resolved GATT client (Open GoPro BLE spec, "BLE Setup"):
 * <ol>
 *   <li>find the device object, or discover it for {@link BluezOptions#discoveryTimeout()};</li>
 *   <li>{@code Device1.Connect}, limited to {@link BluezOptions#connectTimeout()};</li>
 *   <li>unless {@code Paired}: register the {@link PairingAgent}, {@code Device1.Pair} (limited to
 *       {@link BluezOptions#pairTimeout()}), then mark the device {@code Trusted} — a GoPro needs the
 *       encrypted link of a bond before it sends notifications;</li>
 *   <li>wait for {@code ServicesResolved} ({@link BluezOptions#servicesResolvedTimeout()}) and map each
 *       characteristic UUID under the device to its object path.</li>
 * </ol>
 * A step that fails disconnects the device and fails with the step's typed error. When a device that
 * was bonded fails with {@link BluezAuthenticationException} — a stale bond, typical after the
 * camera was reset or re-paired elsewhere — and {@link BluezOptions#repairStaleBonds()} is set, the
 * bond is removed ({@code Adapter1.RemoveDevice}), the device rediscovered and the steps run once more.
 */
final class DeviceConnector {
    private static final Logger log = LoggerFactory.getLogger(DeviceConnector.class);

    private final BusSession session;
    private final AdapterDiscovery discovery;
    private final PairingAgent agent;
    private final BluezOptions options;
    private final Scheduler timer;

    DeviceConnector(BusSession session, AdapterDiscovery discovery, PairingAgent agent, BluezOptions options,
                    Scheduler timer) {
        this.session = session;
        this.discovery = discovery;
        this.agent = agent;
        this.options = options;
        this.timer = timer;
    }

    /** Connects, pairs when needed and resolves services; see the class comment. */
    Mono<BluezGattConnection> connect(String address) {
        return locate(address).flatMap(path -> paired(address, path).flatMap(bonded -> attempt(address, path)
                .onErrorResume(e -> bonded && options.repairStaleBonds() && e instanceof BluezAuthenticationException,
                        e -> {
                            log.warn("{}: authentication failed on a bonded device ({}); removing the stale bond and "
                                    + "pairing again", address, e.getMessage());
                            return remove(address, path)
                                    .then(discovery.awaitDevice(address, options.discoveryTimeout(), timer))
                                    .flatMap(again -> attempt(address, again));
                        })));
    }

    /** Disconnects and removes the device with its bond; completes when BlueZ does not know it. */
    Mono<Void> removeBond(String address) {
        return find(address).flatMap(path -> remove(address, path));
    }

    private Mono<String> locate(String address) {
        return find(address).switchIfEmpty(Mono.defer(() -> {
            log.debug("{}: unknown to BlueZ; discovering it", address);
            return discovery.awaitDevice(address, options.discoveryTimeout(), timer);
        }));
    }

    private Mono<String> find(String address) {
        return session.call(address, "find device", () -> {
            for (Map.Entry<String, Map<String, Map<String, Object>>> e : session.managedObjects().entrySet()) {
                Map<String, Object> device = e.getValue().get(BusSession.DEVICE);
                if (device != null && e.getKey().startsWith(session.adapterPath() + "/")
                        && address.equalsIgnoreCase(DbusValues.string(device.get("Address")))) {
                    return e.getKey();
                }
            }
            return null;
        });
    }

    private Mono<Boolean> paired(String address, String path) {
        return session.call(address, "read Paired",
                () -> DbusValues.bool(session.property(path, BusSession.DEVICE, "Paired")));
    }

    private Mono<BluezGattConnection> attempt(String address, String path) {
        return Mono.defer(() -> {
            agent.allow(path);
            BluezGattConnection link = new BluezGattConnection(session, address, path, options, timer,
                    () -> agent.forget(path));
            Device1 device = session.proxy(path, Device1.class);
            Mono<Void> connect = session.<Void>call(address, "connect", () -> {
                        device.Connect();
                        return null;
                    })
                    .onErrorResume(e -> "org.bluez.Error.AlreadyConnected".equals(BluezErrors.nameOf(e)),
                            e -> Mono.empty())
                    .timeout(options.connectTimeout(), Mono.error(() -> new BluezTimeoutException(
                            "no connection within " + options.connectTimeout().toSeconds() + " s", address, "connect",
                            null, null)), timer);
            Mono<Map<UUID, String>> table = session.call(address, "resolve services", () -> characteristics(path));
            return connect
                    .then(paired(address, path).flatMap(p -> p ? Mono.empty() : pair(address, path, device)))
                    .then(servicesResolved(address, path, link))
                    .then(table)
                    .map(t -> {
                        link.attach(t);
                        return link;
                    })
                    .onErrorResume(e -> disconnectQuietly(address, path, device)
                            .then(Mono.fromRunnable(link::abandon))
                            .then(Mono.error(e)));
        });
    }

    private Mono<Void> pair(String address, String path, Device1 device) {
        Mono<Void> pair = session.<Void>call(address, "pair", () -> {
                    agent.ensureRegistered();
                    device.Pair();
                    return null;
                })
                .onErrorResume(e -> "org.bluez.Error.AlreadyExists".equals(BluezErrors.nameOf(e)),
                        e -> Mono.empty())
                .timeout(options.pairTimeout(), Mono.defer(() -> session.<Void>call(address, "cancel pairing",
                                () -> {
                                    device.CancelPairing();
                                    return null;
                                }).onErrorResume(x -> Mono.empty())
                        .then(Mono.error(new BluezTimeoutException("pairing did not finish within "
                                + options.pairTimeout().toSeconds() + " s", address, "pair", null, null)))), timer);
        Mono<Void> trust = session.<Void>call(address, "trust", () -> {
            session.setProperty(path, BusSession.DEVICE, "Trusted", Boolean.TRUE);
            return null;
        }).onErrorResume(e -> {
            log.debug("{}: could not mark the device trusted: {}", address, e.getMessage());
            return Mono.empty();
        });
        return pair.then(trust);
    }

    private Mono<Void> servicesResolved(String address, String path, BluezGattConnection link) {
        Flux<Boolean> changes = Flux.create(sink -> {
            Disposable d = session.listen(path, new BusSession.SignalListener() {
                @Override
                public void propertiesChanged(String p, String iface, Map<String, Object> changed) {
                    if (p.equals(path) && BusSession.DEVICE.equals(iface) && changed.containsKey("ServicesResolved")) {
                        sink.next(DbusValues.bool(changed.get("ServicesResolved")));
                    }
                }
            });
            sink.onDispose(d);
        });
        Mono<Boolean> now = session.call(address, "read ServicesResolved",
                () -> DbusValues.bool(session.property(path, BusSession.DEVICE, "ServicesResolved")));
        Flux<Boolean> dropped = link.states().filter(s -> s == ConnectionState.DISCONNECTED)
                .flatMap(s -> Mono.error(new BluezNotConnectedException("the link dropped before services were resolved",
                        address, "resolve services", null, null)));
        return Flux.merge(changes, dropped, now)
                .filter(Boolean::booleanValue)
                .next()
                .timeout(options.servicesResolvedTimeout(), Mono.error(() -> new BluezTimeoutException(
                        "services not resolved within " + options.servicesResolvedTimeout().toSeconds() + " s",
                        address, "resolve services", null, null)), timer)
                .then();
    }

    /** Characteristic UUID → object path, for the characteristics under {@code devicePath}. Blocking. */
    private Map<UUID, String> characteristics(String devicePath) {
        Map<UUID, String> out = new java.util.HashMap<>();
        new TreeMap<>(session.managedObjects()).forEach((path, ifaces) -> {
            Map<String, Object> c = ifaces.get(BusSession.GATT_CHARACTERISTIC);
            UUID uuid = c == null ? null : BluezValues.uuid(DbusValues.string(c.get("UUID")));
            if (uuid != null && path.startsWith(devicePath + "/")) {
                out.putIfAbsent(uuid, path);
            }
        });
        if (out.isEmpty()) {
            throw new BluezException("BlueZ resolved no GATT characteristics", null, "resolve services", null, null);
        }
        return out;
    }

    private Mono<Void> remove(String address, String path) {
        Device1 device = session.proxy(path, Device1.class);
        Adapter1 adapter = session.proxy(session.adapterPath(), Adapter1.class);
        return disconnectQuietly(address, path, device)
                .then(session.<Void>call(address, "remove device", () -> {
                    adapter.RemoveDevice(new DBusPath(path));
                    return null;
                }))
                .onErrorResume(e -> "org.bluez.Error.DoesNotExist".equals(BluezErrors.nameOf(e)),
                        e -> Mono.empty())
                .timeout(options.operationTimeout().multipliedBy(2), timer)
                .onErrorMap(e -> BluezErrors.map(e, address, "remove device"));
    }

    private Mono<Void> disconnectQuietly(String address, String path, Device1 device) {
        return session.<Void>call(address, "disconnect", () -> {
                    device.Disconnect();
                    return null;
                })
                .timeout(options.operationTimeout(), timer)
                .onErrorResume(e -> {
                    log.debug("{}: disconnect after a failed step: {}", address, e.getMessage());
                    return Mono.empty();
                });
    }
}
