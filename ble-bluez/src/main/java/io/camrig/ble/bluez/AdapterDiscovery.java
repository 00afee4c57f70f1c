package io.camrig.ble.bluez;

import io.camrig.ble.spi.Advertisement;
import io.camrig.dbus.DbusValues;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bluez.Adapter1;
import org.freedesktop.dbus.types.Variant;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Discovery on the selected adapter. BlueZ keeps one discovery session per D-Bus client, so scans
 * share it by reference count: the first sets the discovery filter ({@code Transport "le"}, the
 * service UUID when one is asked for, no duplicate reports) and starts discovery, the last stops
 * it. Start and stop go through one {@link OperationQueue}, so they never overlap or reorder.
 *
 * <p>A device counts as seen when it appears ({@code InterfacesAdded}), when an advertisement
 * property changes ({@code RSSI}, {@code ManufacturerData}, {@code UUIDs}, {@code Name},
 * {@code ServiceData}), or when it is already known and has an {@code RSSI} (BlueZ keeps RSSI only
 * for devices heard in the current discovery).
 */
final class AdapterDiscovery {
    private static final Set<String> ADVERTISED = Set.of("RSSI", "ManufacturerData", "UUIDs", "Name", "ServiceData",
            "TxPower");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AdapterDiscovery.class);

    /** One sighting: the device's path and its Device1 properties so far. */
    record Sighting(String path, Map<String, Object> properties) {
    }

    private final BusSession session;
    private final BluezOptions options;
    private final OperationQueue control;
    private int users;

    AdapterDiscovery(BusSession session, BluezOptions options, Scheduler timer) {
        this.session = session;
        this.options = options;
        this.control = new OperationQueue(session.adapterPath(), timer);
    }

    /**
     * Advertisements that list {@code service} and carry a name, one per address, for
     * {@code duration}.
     */
    Flux<BluezAdvertisement> scan(UUID service, Duration duration, Scheduler timer) {
        Set<String> emitted = ConcurrentHashMap.newKeySet();
        return sightings(service)
                .filter(s -> s.properties().get("Name") != null && s.properties().get("Address") != null)
                .filter(s -> service == null || BluezValues.uuids(s.properties().get("UUIDs")).contains(service))
                .filter(s -> emitted.add(DbusValues.string(s.properties().get("Address")).toUpperCase()))
                .map(AdapterDiscovery::advertisement)
                .take(duration, timer);
    }

    /** The object path of the device with {@code address}, once discovery sees it. */
    Mono<String> awaitDevice(String address, Duration timeout, Scheduler timer) {
        return sightings(null)
                .filter(s -> address.equalsIgnoreCase(DbusValues.string(s.properties().get("Address"))))
                .map(Sighting::path)
                .next()
                .timeout(timeout, Mono.error(() -> new BluezTimeoutException(
                        "not seen in " + timeout.toSeconds() + " s of discovery; is the camera on and in pairing mode?",
                        address, "discover", null, null)), timer);
    }

    /** Every sighting while subscribed; starts and stops discovery. */
    Flux<Sighting> sightings(UUID service) {
        return Flux.create(sink -> {
            Map<String, Map<String, Object>> devices = new HashMap<>();
            Disposable listening = session.listen(session.adapterPath(), new Tracker(devices, sink));
            acquire(service);
            Disposable snapshot = session.call(null, "GetManagedObjects", session::managedObjects)
                    .subscribe(objects -> {
                        synchronized (devices) {
                            objects.forEach((path, ifaces) -> {
                                Map<String, Object> device = ifaces.get(BusSession.DEVICE);
                                if (device != null && path.startsWith(session.adapterPath() + "/")) {
                                    Map<String, Object> merged = new HashMap<>(device);
                                    merged.putAll(devices.getOrDefault(path, Map.of()));
                                    devices.put(path, merged);
                                    if (merged.containsKey("RSSI")) {
                                        sink.next(new Sighting(path, Map.copyOf(merged)));
                                    }
                                }
                            });
                        }
                    }, sink::error);
            sink.onDispose(() -> {
                listening.dispose();
                snapshot.dispose();
                release();
            });
        });
    }

    private synchronized void acquire(UUID service) {
        if (users++ > 0) {
            return;
        }
        Map<String, Variant<?>> filter = new LinkedHashMap<>();
        filter.put("Transport", new Variant<>("le"));
        filter.put("DuplicateData", new Variant<>(Boolean.FALSE));
        if (service != null) {
            filter.put("UUIDs", new Variant<>(new String[] {service.toString()}));
        }
        Adapter1 adapter = session.proxy(session.adapterPath(), Adapter1.class);
        control.submit("start discovery", session.call(null, "start discovery", () -> {
            adapter.SetDiscoveryFilter(filter);
            adapter.StartDiscovery();
            return null;
        }), options.operationTimeout()).subscribe(null,
                e -> log.warn("starting discovery on {} failed: {}", session.adapterPath(), e.getMessage()));
    }

    private synchronized void release() {
        if (--users > 0) {
            return;
        }
        Adapter1 adapter = session.proxy(session.adapterPath(), Adapter1.class);
        control.submit("stop discovery", session.call(null, "stop discovery", () -> {
            adapter.StopDiscovery();
            return null;
        }), options.operationTimeout()).subscribe(null, e -> { });
    }

    private static BluezAdvertisement advertisement(Sighting s) {
        Map<String, Object> p = s.properties();
        Advertisement ad = new Advertisement(DbusValues.string(p.get("Address")), DbusValues.string(p.get("Name")),
                new HashSet<>(BluezValues.uuids(p.get("UUIDs"))), DbusValues.integer(p.get("RSSI"), 0));
        return new BluezAdvertisement(ad, BluezValues.manufacturerData(p.get("ManufacturerData")), s.path());
    }

    /** Merges device signals into the scan's view and reports sightings. */
    private record Tracker(Map<String, Map<String, Object>> devices, FluxSink<Sighting> sink)
            implements BusSession.SignalListener {
        @Override
        public void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
            Map<String, Object> device = interfaces.get(BusSession.DEVICE);
            if (device == null) {
                return;
            }
            synchronized (devices) {
                Map<String, Object> merged = new HashMap<>(device);
                devices.put(path, merged);
                sink.next(new Sighting(path, Map.copyOf(merged)));
            }
        }

        @Override
        public void propertiesChanged(String path, String iface, Map<String, Object> changed) {
            if (!BusSession.DEVICE.equals(iface)) {
                return;
            }
            synchronized (devices) {
                Map<String, Object> merged = devices.computeIfAbsent(path, p -> new HashMap<>());
                merged.putAll(changed);
                if (changed.keySet().stream().anyMatch(ADVERTISED::contains)) {
                    sink.next(new Sighting(path, Map.copyOf(merged)));
                }
            }
        }

        @Override
        public void interfacesRemoved(String path, List<String> interfaces) {
            if (interfaces.contains(BusSession.DEVICE)) {
                synchronized (devices) {
                    devices.remove(path);
                }
            }
        }

        @Override
        public void busClosed() {
            sink.error(new BluezUnavailableException("the D-Bus connection to BlueZ closed", null, "discover",
                    null, null));
        }
    }
}
