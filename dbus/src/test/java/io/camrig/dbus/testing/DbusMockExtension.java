package io.camrig.dbus.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension with one python-dbusmock template on a private bus ({@link DbusMockBus}) — the
 * part the service fixtures share (ble-transport's {@code MockBluezBus}, http-transport's
 * {@code MockNetworkManagerBus}). Register a subclass as a static {@code @RegisterExtension} field:
 * before the class's tests it checks the tools, starts {@code dbus-daemon} and the template and waits
 * (up to 15 s) for the template's bus name; before each test it calls {@link #reset()}; after the
 * class it stops both processes and deletes their directory (with the logs).
 *
 * <p>When {@code dbus-daemon} or python3-dbusmock is missing the tests are skipped with a message
 * saying so — unless the subclass's system property (e.g. {@code camrig.bluez.required}) is
 * {@code true} (CI): then they fail with {@link IllegalStateException}.
 */
public abstract class DbusMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final String template;
    private final String busName;
    private final String requiredProperty;
    private final String what;
    private final String directoryPrefix;
    private DbusMockBus bus;

    /**
     * @param template the python-dbusmock template, e.g. {@code "bluez5"}
     * @param busName the well-known name the template takes, e.g. {@code "org.bluez"}
     * @param requiredProperty the system property that turns a missing tool from a skip into a failure
     * @param what the tests concerned, for the skip message, e.g. {@code "BlueZ mock tests"}
     * @param directoryPrefix the temporary directory's name prefix, e.g. {@code "camrig-bluez-"}
     */
    protected DbusMockExtension(String template, String busName, String requiredProperty, String what,
            String directoryPrefix) {
        this.template = template;
        this.busName = busName;
        this.requiredProperty = requiredProperty;
        this.what = what;
        this.directoryPrefix = directoryPrefix;
    }

    @Override
    public final void beforeAll(ExtensionContext context) throws Exception {
        DbusMockBus.assumeToolsPresent(requiredProperty, what);
        DbusMockBus started = DbusMockBus.startDaemon(directoryPrefix);
        try {
            started.startTemplate(template, busName);
        } catch (Exception e) {
            started.close();
            throw e;
        }
        bus = started;
    }

    @Override
    public final void beforeEach(ExtensionContext context) throws DBusException {
        reset();
    }

    /** Puts the mock back in the state each test starts from (runs before each test). */
    protected abstract void reset() throws DBusException;

    @Override
    public final void afterAll(ExtensionContext context) throws Exception {
        if (bus != null) {
            bus.close();
            bus = null;
        }
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/camrig-…/bus.sock,guid=…}. */
    public String address() {
        return bus().address();
    }

    /** The fixture's own connection to the bus. */
    public DBusConnection connection() {
        return bus().connection();
    }

    /** Where the daemon's and the mock's logs are (deleted after the class). */
    public Path logDirectory() {
        return bus().logDirectory();
    }

    /** A proxy of one object of the template's service ({@code busName}). */
    public <T extends DBusInterface> T remote(String path, Class<T> type) throws DBusException {
        return connection().getRemoteObject(busName, path, type);
    }

    /** The {@code org.freedesktop.DBus.Mock} interface of one mock object. */
    public DbusMockApi.Mock mock(String path) throws DBusException {
        return remote(path, DbusMockApi.Mock.class);
    }

    /** A property of a mock object, as dbus-java returns it from {@code Properties.Get}. */
    public Object property(String path, String iface, String name) throws DBusException {
        return remote(path, Properties.class).Get(iface, name);
    }

    /**
     * Waits until a property of a mock object has {@code expected} (now or by a later
     * {@code PropertiesChanged}).
     *
     * @throws AssertionError when it does not within {@code timeout}
     */
    public void awaitProperty(String path, String iface, String name, Object expected, Duration timeout)
            throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        AutoCloseable handler = connection().addSigHandler(Properties.PropertiesChanged.class, s -> {
            Variant<?> v = s.getPropertiesChanged().get(name);
            if (path.equals(s.getPath()) && iface.equals(s.getInterfaceName()) && v != null
                    && expected.equals(v.getValue())) {
                seen.countDown();
            }
        });
        try {
            if (!expected.equals(property(path, iface, name)) && !seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(path + " " + name + " did not become " + expected + " within " + timeout);
            }
        } finally {
            handler.close();
        }
    }

    /**
     * Completes with the arguments when a mock method named {@code method} is called (its
     * {@code MethodCalled} signal, sent before the method runs); fails with a
     * {@link java.util.concurrent.TimeoutException} after 10 s. Register before the call is made.
     */
    public CompletableFuture<List<Variant<?>>> onCall(String method) throws DBusException {
        CompletableFuture<List<Variant<?>>> called = new CompletableFuture<>();
        AutoCloseable handler = connection().addSigHandler(DbusMockApi.Mock.MethodCalled.class, s -> {
            if (method.equals(s.name)) {
                called.complete(s.args);
            }
        });
        return called.orTimeout(10, TimeUnit.SECONDS).whenComplete((v, e) -> {
            try {
                handler.close();
            } catch (Exception ignored) {
                // the bus is going away
            }
        });
    }

    private DbusMockBus bus() {
        if (bus == null) {
            throw new IllegalStateException("the " + template + " mock bus is not running: register "
                    + getClass().getSimpleName() + " as a static @RegisterExtension field");
        }
        return bus;
    }
}
