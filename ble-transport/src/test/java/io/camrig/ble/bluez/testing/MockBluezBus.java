package io.camrig.ble.bluez.testing;

import io.camrig.ble.bluez.BluezOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private D-Bus with python-dbusmock's {@code bluez5} template on it, for tests of the BlueZ
 * backend. Register it as a static {@code @RegisterExtension} field: before the class's tests it
 * starts {@code dbus-daemon} (not forked: this JVM owns the process) on a socket in a temporary
 * directory and {@code /usr/bin/python3 -m dbusmock --template bluez5} on it, and waits for the
 * {@code org.bluez} name; before each test it resets the mock and adds adapter {@code hci0};
 * after the class it stops both processes and deletes the directory (with their logs).
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

    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final List<Process> processes = new ArrayList<>();
    private Path dir;
    private String address;
    private DBusConnection connection;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String missing = missingTools();
        if (missing != null) {
            String message = missing + "; install them with `apt-get install -y dbus python3-dbusmock`";
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                throw new IllegalStateException(message + " (" + REQUIRED_PROPERTY + "=true makes this a failure)");
            }
            Assumptions.abort("BlueZ mock tests skipped: " + message);
        }
        dir = Files.createTempDirectory("camrig-bluez-");
        Process daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1",
                "--address=unix:path=" + dir.resolve("bus.sock"))
                .redirectError(dir.resolve("dbus-daemon.log").toFile()).start();
        processes.add(daemon);
        address = firstLine(daemon);
        connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        CountDownLatch owned = new CountDownLatch(1);
        AutoCloseable handler = connection.addSigHandler(DBus.NameOwnerChanged.class, s -> {
            if ("org.bluez".equals(s.name) && !s.newOwner.isEmpty()) {
                owned.countDown();
            }
        });
        try {
            ProcessBuilder mock = new ProcessBuilder(PYTHON, "-m", "dbusmock", "--template", "bluez5");
            mock.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
            mock.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            mock.redirectErrorStream(true).redirectOutput(dir.resolve("dbusmock.log").toFile());
            processes.add(mock.start());
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!bus.NameHasOwner("org.bluez") && !owned.await(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("python3-dbusmock did not take org.bluez in " + STARTUP.toSeconds()
                        + " s; see " + dir.resolve("dbusmock.log"));
            }
        } finally {
            handler.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws DBusException {
        mock("/").Reset();
        bluezMock().AddAdapter(ADAPTER, "camrig-test");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (connection != null) {
            connection.disconnect();
        }
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        processes.clear();
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/camrig-bluez-…/bus.sock,guid=…}. */
    public String address() {
        return address;
    }

    /** Options for a central on this bus, with time limits short enough for tests. */
    public BluezOptions options() {
        return BluezOptions.defaults().withDbusAddress(address).withAdapter(ADAPTER)
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
        return connection;
    }

    /** The {@code org.freedesktop.DBus.Mock} interface of one mock object. */
    public DbusMockApi.Mock mock(String path) throws DBusException {
        return connection.getRemoteObject("org.bluez", path, DbusMockApi.Mock.class);
    }

    /** The bluez5 template's {@code org.bluez.Mock} helpers. */
    public DbusMockApi.BluezMock bluezMock() throws DBusException {
        return connection.getRemoteObject("org.bluez", "/", DbusMockApi.BluezMock.class);
    }

    /**
     * Waits until a property of a mock object has {@code expected} (now or by a later
     * {@code PropertiesChanged}); fails after {@code timeout}.
     */
    public void awaitProperty(String path, String iface, String name, Object expected, Duration timeout)
            throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        AutoCloseable handler = connection.addSigHandler(Properties.PropertiesChanged.class, s -> {
            Variant<?> v = s.getPropertiesChanged().get(name);
            if (path.equals(s.getPath()) && iface.equals(s.getInterfaceName()) && v != null
                    && expected.equals(v.getValue())) {
                seen.countDown();
            }
        });
        try {
            Object now = connection.getRemoteObject("org.bluez", path, Properties.class).Get(iface, name);
            if (!expected.equals(now) && !seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(path + " " + name + " did not become " + expected + " within " + timeout);
            }
        } finally {
            handler.close();
        }
    }

    /** Where the daemon's and the mock's logs are. */
    public Path logDirectory() {
        return dir;
    }

    private static String firstLine(Process p) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                return r.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String address = line.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        if (address == null || address.isBlank()) {
            throw new IllegalStateException("dbus-daemon printed no address");
        }
        return address.trim();
    }

    /** What is missing, or {@code null} when dbus-daemon and python3-dbusmock are both there. */
    static String missingTools() {
        List<String> missing = new ArrayList<>();
        if (!onPath("dbus-daemon")) {
            missing.add("dbus-daemon is not installed");
        }
        if (!Files.isExecutable(Path.of(PYTHON)) || !succeeds(PYTHON, "-c", "import dbusmock")) {
            missing.add("python3-dbusmock is not installed (" + PYTHON + " -c 'import dbusmock' failed)");
        }
        return missing.isEmpty() ? null : String.join(" and ", missing);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
