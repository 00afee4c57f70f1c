package io.camrig.ble.bluez.testing;

import io.camrig.ble.bluez.BluezOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private D-Bus with python-dbusmock's {@code bluez5} template on it, for tests of the BlueZ
 * backend. Register it as a static {@code @RegisterExtension} field: before the class's tests it
 * starts {@code dbus-daemon} (not forked: this JVM owns the process) on a socket in a temporary
 * directory and {@code /usr/bin/python3 -m dbusmock --template bluez5} on it, and waits for the
 * {@code org.bluez} name (the process handling is {@link DbusMockBus}'s); before each test it
 * resets the mock and adds adapter {@code hci0}; after the class it stops both processes and
 * deletes the directory (with their logs).
 *
 * <p>When {@code dbus-daemon} or python3-dbusmock is missing the tests are skipped with a message
 * saying so — unless the system property {@code camrig.bluez.required} is {@code true} (CI), then
 * they fail. Install them with {@code apt-get install -y dbus python3-dbusmock}.
 */
public final class MockBluezBus implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** The system property that turns a missing tool from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "camrig.bluez.required";
    /** The adapter every test gets. */
    public static final String ADAPTER = "hci0";

    private DbusMockBus bus;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        DbusMockBus.assumeToolsPresent(REQUIRED_PROPERTY, "BlueZ mock tests");
        bus = DbusMockBus.startDaemon("camrig-bluez-");
        try {
            bus.startTemplate("bluez5", "org.bluez");
        } catch (Exception e) {
            bus.close();
            bus = null;
            throw e;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws DBusException {
        mock("/").Reset();
        bluezMock().AddAdapter(ADAPTER, "camrig-test");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (bus != null) {
            bus.close();
            bus = null;
        }
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/camrig-bluez-…/bus.sock,guid=…}. */
    public String address() {
        return bus.address();
    }

    /** Options for a central on this bus, with time limits short enough for tests. */
    public BluezOptions options() {
        return BluezOptions.defaults().withDbusAddress(address()).withAdapter(ADAPTER)
                .withConnectTimeout(Duration.ofSeconds(3)).withPairTimeout(Duration.ofSeconds(3))
                .withServicesResolvedTimeout(Duration.ofSeconds(2)).withOperationTimeout(Duration.ofSeconds(2))
                .withDiscoveryTimeout(Duration.ofSeconds(3));
    }

    /** Adds a GoPro that advertises, connects, pairs and answers like a camera (see {@link MockGoProCamera}). */
    public MockGoProCamera addCamera(String address, String name) throws DBusException {
        return MockGoProCamera.add(this, address, name);
    }

    /** The fixture's own connection to the bus. */
    public DBusConnection connection() {
        return bus.connection();
    }

    /** The {@code org.freedesktop.DBus.Mock} interface of one mock object. */
    public DbusMockApi.Mock mock(String path) throws DBusException {
        return connection().getRemoteObject("org.bluez", path, DbusMockApi.Mock.class);
    }

    /** The bluez5 template's {@code org.bluez.Mock} helpers. */
    public DbusMockApi.BluezMock bluezMock() throws DBusException {
        return connection().getRemoteObject("org.bluez", "/", DbusMockApi.BluezMock.class);
    }

    /**
     * Waits until a property of a mock object has {@code expected} (now or by a later
     * {@code PropertiesChanged}); fails after {@code timeout}.
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
            Object now = connection().getRemoteObject("org.bluez", path, Properties.class).Get(iface, name);
            if (!expected.equals(now) && !seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(path + " " + name + " did not become " + expected + " within " + timeout);
            }
        } finally {
            handler.close();
        }
    }

    /** Where the daemon's and the mock's logs are. */
    public Path logDirectory() {
        return bus.logDirectory();
    }
}
