package io.camrig.http.wifi.nm;

import io.camrig.dbus.DbusValues;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One connection to the bus where NetworkManager lives, bound to one Wi-Fi device: device
 * selection, proxies, property reads, the blocking-call bridge ({@link #call}) and the signal router
 * (signals arrive on dbus-java's single signal thread, so in bus order; listeners must not block).
 */
final class NmSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NmSession.class);
    private static final Pattern UNIX_PATH = Pattern.compile("(?:^|;)unix:(?:[^;]*,)?path=([^,;]+)");

    /** A signal NetworkManager sent: a device's or an active connection's state change, or a scan result. */
    sealed interface Signal permits DeviceState, ActiveState, LastScan {
    }

    record DeviceState(String path, int newState, int oldState, int reason) implements Signal {
    }

    record ActiveState(String path, int state, int reason) implements Signal {
    }

    /** {@code PropertiesChanged} of {@code Device.Wireless.LastScan}: a scan finished. */
    record LastScan(String path) implements Signal {
    }

    private final DBusConnection connection;
    private final String devicePath;
    private final String interfaceName;
    private final List<Consumer<Signal>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> handlers = new ArrayList<>();
    private final Map<String, DBusInterface> proxies = new ConcurrentHashMap<>();
    private final Duration callTimeout;

    private NmSession(DBusConnection connection, String devicePath, String interfaceName, Duration callTimeout) {
        this.connection = connection;
        this.devicePath = devicePath;
        this.interfaceName = interfaceName;
        this.callTimeout = callTimeout;
    }

    /**
     * Connects and selects the Wi-Fi device. Blocking.
     *
     * @throws HostWifiException {@code UNAVAILABLE} when the bus cannot be reached, NetworkManager is
     *                           not on it, or there is no (such) Wi-Fi device
     */
    static NmSession open(NetworkManagerOptions options) {
        String bus = options.dbusAddress() == null ? "the system bus" : options.dbusAddress();
        Path socket = unixSocket(options.dbusAddress());
        if (socket != null && !Files.exists(socket)) {
            // dbus-java would retry for 10 s before saying the same.
            throw unavailable("cannot connect to " + bus + ": no socket at " + socket + " (is D-Bus running?)", null);
        }
        DBusConnection connection;
        try {
            DBusConnectionBuilder builder = options.dbusAddress() == null
                    ? DBusConnectionBuilder.forSystemBus() : DBusConnectionBuilder.forAddress(options.dbusAddress());
            connection = builder.withShared(false)
                    .receivingThreadConfig().withSignalThreadCount(1).connectionConfig()
                    .build();
        } catch (DBusException | RuntimeException e) {
            throw unavailable("cannot connect to " + bus + ": " + e.getMessage(), e);
        }
        try {
            DBus dbus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!dbus.NameHasOwner(NmApi.BUS_NAME)) {
                throw unavailable("NetworkManager is not running on " + bus + " (no " + NmApi.BUS_NAME + ")", null);
            }
            NmSession session = selectDevice(connection, options.interfaceName(), options.callTimeout());
            session.subscribe();
            return session;
        } catch (HostWifiException e) {
            connection.disconnect();
            throw e;
        } catch (DBusException | RuntimeException e) {
            connection.disconnect();
            throw unavailable("NetworkManager on " + bus + " did not answer: " + describe(e), e);
        }
    }

    private static NmSession selectDevice(DBusConnection connection, String wanted, Duration callTimeout)
            throws DBusException {
        NmApi.Manager manager = connection.getRemoteObject(NmApi.BUS_NAME, NmApi.MANAGER_PATH, NmApi.Manager.class);
        List<String> wifi = new ArrayList<>();
        for (DBusPath device : manager.GetDevices()) {
            Properties props = connection.getRemoteObject(NmApi.BUS_NAME, device.getPath(), Properties.class);
            Map<String, Variant<?>> all = props.GetAll(NmApi.DEVICE);
            if (DbusValues.integer(all.get("DeviceType"), -1) != NmApi.DEVICE_TYPE_WIFI) {
                continue;
            }
            String name = DbusValues.string(all.get("Interface"));
            wifi.add(name);
            if (wanted == null || wanted.equals(name)) {
                return new NmSession(connection, device.getPath(), name, callTimeout);
            }
        }
        throw unavailable(wifi.isEmpty() ? "NetworkManager has no Wi-Fi device"
                : "NetworkManager has no Wi-Fi device " + wanted + "; it has " + String.join(", ", wifi), null);
    }

    /** The selected device's object path, e.g. {@code /org/freedesktop/NetworkManager/Devices/3}. */
    String devicePath() {
        return devicePath;
    }

    /** The selected device's interface name, e.g. {@code wlan0}. */
    String interfaceName() {
        return interfaceName;
    }

    /** A proxy of a NetworkManager object; making it does no I/O, calling it blocks. */
    <T extends DBusInterface> T proxy(String path, Class<T> type) {
        return type.cast(proxies.computeIfAbsent(path + "|" + type.getName(), k -> {
            try {
                return connection.getRemoteObject(NmApi.BUS_NAME, path, type);
            } catch (DBusException e) {
                throw new DBusExecutionException("cannot make a proxy of " + path + ": " + e.getMessage(), e);
            }
        }));
    }

    NmApi.Manager manager() {
        return proxy(NmApi.MANAGER_PATH, NmApi.Manager.class);
    }

    /** One property's plain value. Blocking. */
    Object property(String path, String iface, String name) {
        return DbusValues.unwrap(proxy(path, Properties.class).Get(iface, name));
    }

    /** All properties of one interface. Blocking. */
    Map<String, Variant<?>> properties(String path, String iface) {
        return proxy(path, Properties.class).GetAll(iface);
    }

    /** An object-path property, or {@code null} when it is {@code "/"}. Blocking. */
    String pathProperty(String path, String iface, String name) {
        String p = DbusValues.path(property(path, iface, name));
        return p == null || NmApi.NO_PATH.equals(p) ? null : p;
    }

    /**
     * Runs a blocking call on {@link Schedulers#boundedElastic()} with the call time limit; a D-Bus
     * error becomes a {@link HostWifiException} ({@code UNAVAILABLE} when NetworkManager is gone,
     * else {@code FAILED}) whose message is {@code operation} and the D-Bus error, no answer in time
     * a {@code TIMEOUT}. A {@code null} result completes empty. The callable must map errors that
     * could carry a secret itself (to a {@code HostWifiException}, which passes unchanged).
     */
    <T> Mono<T> call(String operation, String ssid, Callable<T> blocking) {
        return Mono.fromCallable(blocking)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(callTimeout)
                .onErrorMap(e -> !(e instanceof HostWifiException), e -> e instanceof TimeoutException
                        ? new HostWifiException(Reason.TIMEOUT, operation + ": NetworkManager did not answer within "
                                + callTimeout.toMillis() + " ms", ssid, operation, null)
                        : failure(e, operation, ssid));
    }

    /** Listens to every signal; dispose to stop. */
    Disposable listen(Consumer<Signal> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        for (AutoCloseable h : handlers) {
            try {
                h.close();
            } catch (Exception e) {
                log.debug("removing a signal handler failed: {}", e.toString());
            }
        }
        handlers.clear();
        connection.disconnect();
    }

    /** The D-Bus error name of a failed call, e.g. {@code org.freedesktop.NetworkManager.Device.NotAllowed}, or null. */
    static String errorName(Throwable e) {
        if (!(e instanceof DBusExecutionException x)) {
            return null;
        }
        // dbus-java names the error by its Java class: org.freedesktop.dbus.errors.X for the standard
        // org.freedesktop.DBus.Error.X, a plain DBusExecutionException for any other name.
        String type = x.getType() == null || x.getType().isEmpty() ? e.getClass().getName() : x.getType();
        type = type.replace('$', '.');
        if (type.startsWith("org.freedesktop.dbus.errors.")) {
            return "org.freedesktop.DBus.Error." + type.substring("org.freedesktop.dbus.errors.".length());
        }
        return type.startsWith("org.freedesktop.dbus.") ? null : type;
    }

    /** The error name and message of a D-Bus failure, for a message. */
    static String describe(Throwable e) {
        String name = errorName(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return name == null ? message : name + ": " + message;
    }

    private static HostWifiException failure(Throwable e, String operation, String ssid) {
        String name = errorName(e);
        boolean gone = name != null && (name.endsWith(".ServiceUnknown") || name.endsWith(".NoReply")
                || name.endsWith(".Disconnected") || name.endsWith(".NameHasNoOwner"));
        return new HostWifiException(gone ? Reason.UNAVAILABLE : Reason.FAILED,
                operation + " failed: " + describe(e), ssid, operation, e);
    }

    private static HostWifiException unavailable(String message, Throwable cause) {
        return new HostWifiException(Reason.UNAVAILABLE, message, null, "connect to NetworkManager", cause);
    }

    private void subscribe() throws DBusException {
        handlers.add(connection.addSigHandler(NmApi.Device.StateChanged.class, s -> dispatch(new DeviceState(
                s.getPath(), s.newState.intValue(), s.oldState.intValue(), s.reason.intValue()))));
        handlers.add(connection.addSigHandler(NmApi.ActiveConnection.StateChanged.class, s -> dispatch(
                new ActiveState(s.getPath(), s.state.intValue(), s.reason.intValue()))));
        handlers.add(connection.addSigHandler(Properties.PropertiesChanged.class, s -> {
            if (NmApi.WIRELESS.equals(s.getInterfaceName()) && s.getPropertiesChanged().containsKey("LastScan")) {
                dispatch(new LastScan(s.getPath()));
            }
        }));
    }

    private void dispatch(Signal signal) {
        for (Consumer<Signal> l : listeners) {
            try {
                l.accept(signal);
            } catch (RuntimeException e) {
                log.warn("a NetworkManager signal listener failed on {}", signal, e);
            }
        }
    }

    /** The socket of a {@code unix:path=} address (the system bus's when {@code address} is null), or null. */
    static Path unixSocket(String address) {
        String a = address != null ? address
                : System.getenv().getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/var/run/dbus/system_bus_socket");
        Matcher m = UNIX_PATH.matcher(a);
        return m.find() ? Path.of(m.group(1)) : null;
    }
}
