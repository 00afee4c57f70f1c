package io.camrig.ble.bluez.testing;

import io.camrig.ble.bluez.BluezOptions;
import io.camrig.dbus.testing.DbusMockExtension;
import java.time.Duration;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * A private D-Bus with python-dbusmock's {@code bluez5} template on it, for tests of the BlueZ
 * backend. Register it as a static {@code @RegisterExtension} field: before the class's tests it
 * starts {@code dbus-daemon} (not forked: this JVM owns the process) on a socket in a temporary
 * directory and {@code /usr/bin/python3 -m dbusmock --template bluez5} on it, and waits for the
 * {@code org.bluez} name (camrig-dbus's {@link DbusMockExtension} does the process handling); before
 * each test it resets the mock and adds adapter {@code hci0}; after the class it stops both processes
 * and deletes the directory (with their logs).
 *
 * <p>When {@code dbus-daemon} or python3-dbusmock is missing the tests are skipped with a message
 * saying so — unless the system property {@code camrig.bluez.required} is {@code true} (CI), then
 * they fail. Install them with {@code apt-get install -y dbus python3-dbusmock}.
 */
public final class MockBluezBus extends DbusMockExtension {
    /** The system property that turns a missing tool from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "camrig.bluez.required";
    /** The adapter every test gets. */
    public static final String ADAPTER = "hci0";

    public MockBluezBus() {
        super("bluez5", "org.bluez", REQUIRED_PROPERTY, "BlueZ mock tests", "camrig-bluez-");
    }

    @Override
    protected void reset() throws DBusException {
        mock("/").Reset();
        bluezMock().AddAdapter(ADAPTER, "camrig-test");
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

    /** The bluez5 template's {@code org.bluez.Mock} helpers. */
    public BluezMockApi.BluezMock bluezMock() throws DBusException {
        return remote("/", BluezMockApi.BluezMock.class);
    }
}
