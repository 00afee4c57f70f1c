package io.camrig.ble.bluez;

import io.camrig.dbus.DbusValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.CallbackHandler;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One connection to the bus where {@code org.bluez} lives, bound to one adapter: adapter selection,
 * the blocking-call bridge ({@link #call}) and the signal router. Signals ({@code PropertiesChanged},
 * {@code InterfacesAdded}, {@code InterfacesRemoved}) are received once, on dbus-java's single
 * signal thread (so in bus order), and dispatched to the listeners whose path prefix matches.
 * Listeners must not block.
 */
final class BusSession implements AutoCloseable {
    static final String BLUEZ = "org.bluez";
    static final String ADAPTER = "org.bluez.Adapter1";
    static final String DEVICE = "org.bluez.Device1";
    static final String GATT_SERVICE = "org.bluez.GattService1";
    static final String GATT_CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    private static final Logger log = LoggerFactory.getLogger(BusSession.class);
    private static final Pattern UNIX_PATH = Pattern.compile("(?:^|;)unix:(?:[^;]*,)?path=([^,;]+)");

    /** What a listener hears; every method defaults to nothing. */
    interface SignalListener {
        default void propertiesChanged(String path, String iface, Map<String, Object> changed) {
        }

        default void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
        }

        default void interfacesRemoved(String path, List<String> interfaces) {
        }

        /** The bus connection is gone: nothing more will arrive. */
        default void busClosed() {
        }
    }

    private record Registration(String prefix, SignalListener listener) {
    }

    private final DBusConnection connection;
    private final String adapterPath;
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> handlers = new ArrayList<>();
    private final Map<String, DBusInterface> proxies = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private BusSession(DBusConnection connection, String adapterPath) {
        this.connection = connection;
        this.adapterPath = adapterPath;
    }

    /**
     * Connects to the bus and selects the adapter. Blocking: call it on a blocking-capable scheduler.
     *
     * @throws BluezUnavailableException when the bus cannot be reached, {@code org.bluez} does not answer,
     *                                   or the adapter is missing or powered off
     */
    static BusSession open(BluezOptions options) {
        DBusConnection connection;
        Holder holder = new Holder();
        String bus = options.dbusAddress() == null ? "the system bus" : options.dbusAddress();
        Path socket = unixSocket(options.dbusAddress());
        if (socket != null && !Files.exists(socket)) {
            // dbus-java would retry for 10 s before saying the same.
            throw new BluezUnavailableException("cannot connect to " + bus + ": no socket at " + socket
                    + " (is D-Bus running?)", null, "open D-Bus", null, null);
        }
        try {
            DBusConnectionBuilder builder = options.dbusAddress() == null
                    ? DBusConnectionBuilder.forSystemBus() : DBusConnectionBuilder.forAddress(options.dbusAddress());
            connection = builder.withShared(false)
                    .withDisconnectCallback(holder)
                    .receivingThreadConfig().withSignalThreadCount(1).connectionConfig()
                    .build();
        } catch (DBusException | RuntimeException e) {
            throw new BluezUnavailableException("cannot connect to " + bus + ": " + e.getMessage(), null,
                    "open D-Bus", BluezErrors.errorName(e), e);
        }
        try {
            Map<String, Map<String, Map<String, Object>>> objects = managedObjects(connection);
            String adapter = selectAdapter(options.adapter(), objects);
            BusSession session = new BusSession(connection, adapter);
            holder.session = session;
            session.subscribe();
            return session;
        } catch (RuntimeException | DBusException e) {
            connection.disconnect();
            throw e instanceof BluezUnavailableException u ? u
                    : new BluezUnavailableException(e.getMessage(), null, "select adapter " + options.adapter(),
                            BluezErrors.errorName(e), e);
        }
    }

    /** The selected adapter's object path, e.g. {@code /org/bluez/hci0}. */
    String adapterPath() {
        return adapterPath;
    }

    /**
     * A proxy of a BlueZ object; making it does no I/O, calling it blocks. Proxies are cached:
     * dbus-java keeps every proxy it makes in its table of imported objects.
     */
    <T extends DBusInterface> T proxy(String path, Class<T> type) {
        return type.cast(proxies.computeIfAbsent(path + "|" + type.getName(), k -> {
            try {
                return connection.getRemoteObject(BLUEZ, path, type);
            } catch (DBusException e) {
                throw BluezErrors.map(e, null, "proxy " + path);
            }
        }));
    }

    /** Exports a local object (the pairing agent). */
    void export(String path, DBusInterface object) throws DBusException {
        connection.exportObject(path, object);
    }

    void unexport(String path) {
        connection.unExportObject(path);
    }

    /** Every BlueZ object: path → interface → property → plain value. Blocking. */
    Map<String, Map<String, Map<String, Object>>> managedObjects() {
        return managedObjects(connection);
    }

    /** One property's plain value, or {@code null}. Blocking. */
    Object property(String path, String iface, String name) {
        Properties props = proxy(path, Properties.class);
        return DbusValues.unwrap(props.Get(iface, name));
    }

    /** Sets a property. Blocking. */
    void setProperty(String path, String iface, String name, Object value) {
        proxy(path, Properties.class).Set(iface, name, new Variant<>(value));
    }

    /**
     * Runs a blocking call on {@link Schedulers#boundedElastic()}; its errors are mapped by
     * {@link BluezErrors}. A {@code null} result completes empty.
     */
    <T> Mono<T> call(String address, String operation, Callable<T> blocking) {
        return Mono.fromCallable(blocking)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> BluezErrors.map(e, address, operation));
    }

    /**
     * Calls {@code method} on {@code proxy} without blocking and without a hop to a pool: the call
     * is built on the calling thread (the fire thread, for a released shutter) and handed to
     * dbus-java's one, already running sender thread, which writes it to the socket; the reply
     * comes back on dbus-java's receiving side. For calls that must leave at a precise instant
     * ({@code WriteValue}); {@link #call} is for the rest. Why the bytes cannot leave from the
     * calling thread itself with dbus-java 5.2 (its writer is not safe for two writing threads, its
     * reply routing is not reachable): docs/bluez.md, "Where a released shutter's write leaves".
     */
    Mono<Void> callNow(String address, String operation, DBusInterface proxy, String method, Object... args) {
        return Mono.create(sink -> {
            try {
                connection.callWithCallback(proxy, method, new CallbackHandler<Object>() {
                    @Override
                    public void handle(Object reply) {
                        sink.success();
                    }

                    @Override
                    public void handleError(DBusExecutionException e) {
                        sink.error(BluezErrors.map(e, address, operation));
                    }
                }, args);
            } catch (RuntimeException e) {
                sink.error(BluezErrors.map(e, address, operation));
            }
        });
    }

    /** Listens to signals on {@code pathPrefix} and below; dispose to stop. */
    Disposable listen(String pathPrefix, SignalListener listener) {
        Registration r = new Registration(pathPrefix, listener);
        listeners.add(r);
        if (closed) {
            listener.busClosed();
        }
        return () -> listeners.remove(r);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (AutoCloseable h : handlers) {
            try {
                h.close();
            } catch (Exception e) {
                log.debug("removing a signal handler failed: {}", e.toString());
            }
        }
        connection.disconnect();
        onBusClosed();
    }

    private void subscribe() throws DBusException {
        handlers.add(connection.addSigHandler(Properties.PropertiesChanged.class, s -> dispatch(s.getPath(),
                l -> l.propertiesChanged(s.getPath(), s.getInterfaceName(), DbusValues.plain(s.getPropertiesChanged())))));
        handlers.add(connection.addSigHandler(ObjectManager.InterfacesAdded.class, s -> {
            String path = s.getSignalSource().getPath();
            Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
            s.getInterfaces().forEach((k, v) -> ifaces.put(k, DbusValues.plain(v)));
            dispatch(path, l -> l.interfacesAdded(path, ifaces));
        }));
        handlers.add(connection.addSigHandler(ObjectManager.InterfacesRemoved.class, s -> {
            String path = s.getSignalSource().getPath();
            dispatch(path, l -> l.interfacesRemoved(path, s.getInterfaces()));
        }));
    }

    private void dispatch(String path, Consumer<SignalListener> event) {
        for (Registration r : listeners) {
            if (path.equals(r.prefix) || path.startsWith(r.prefix.endsWith("/") ? r.prefix : r.prefix + "/")) {
                try {
                    event.accept(r.listener);
                } catch (RuntimeException e) {
                    log.warn("a BlueZ signal listener failed on {}", path, e);
                }
            }
        }
    }

    private void onBusClosed() {
        closed = true;
        listeners.forEach(r -> r.listener.busClosed());
    }

    private static Map<String, Map<String, Map<String, Object>>> managedObjects(DBusConnection connection) {
        ObjectManager manager;
        try {
            manager = connection.getRemoteObject(BLUEZ, "/", ObjectManager.class);
        } catch (DBusException e) {
            throw BluezErrors.map(e, null, "GetManagedObjects");
        }
        Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map.Entry<DBusPath, Map<String, Map<String, Variant<?>>>> e : manager.GetManagedObjects().entrySet()) {
            Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
            e.getValue().forEach((iface, props) -> ifaces.put(iface, DbusValues.plain(props)));
            out.put(e.getKey().getPath(), ifaces);
        }
        return out;
    }

    private static String selectAdapter(String wanted, Map<String, Map<String, Map<String, Object>>> objects) {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : objects.entrySet()) {
            Map<String, Object> adapter = e.getValue().get(ADAPTER);
            if (adapter == null) {
                continue;
            }
            String path = e.getKey();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String address = DbusValues.string(adapter.get("Address"));
            seen.add(name + " (" + address + ")");
            if (wanted.equals(path) || wanted.equals(name) || wanted.equalsIgnoreCase(address)) {
                if (!DbusValues.bool(adapter.get("Powered"))) {
                    throw new BluezUnavailableException("adapter " + name + " is powered off (bluetoothctl power on)",
                            null, "select adapter " + wanted, null, null);
                }
                return path;
            }
        }
        throw new BluezUnavailableException(seen.isEmpty() ? "BlueZ has no Bluetooth adapter"
                : "no adapter " + wanted + "; BlueZ has " + String.join(", ", seen),
                null, "select adapter " + wanted, null, null);
    }

    /** The socket of a {@code unix:path=} address (the system bus's when {@code address} is null), or null. */
    static Path unixSocket(String address) {
        String a = address != null ? address
                : System.getenv().getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/var/run/dbus/system_bus_socket");
        Matcher m = UNIX_PATH.matcher(a);
        return m.find() ? Path.of(m.group(1)) : null;
    }

    /** Learns of a connection lost under us (bluetoothd or the bus went away). */
    private static final class Holder implements IDisconnectCallback {
        volatile BusSession session;

        @Override
        public void disconnectOnError(java.io.IOException e) {
            log.warn("lost the D-Bus connection to BlueZ: {}", e.toString());
            BusSession s = session;
            if (s != null) {
                s.onBusClosed();
            }
        }
    }
}
