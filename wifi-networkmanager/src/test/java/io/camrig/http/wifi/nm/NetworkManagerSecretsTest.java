package io.camrig.http.wifi.nm;

import static io.camrig.http.wifi.nm.MockNetworkManagerBus.MANAGER_PATH;
import static io.camrig.http.wifi.nm.MockNetworkManagerBus.WPA_PSK;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The password reaches NetworkManager in the {@code AddAndActivateConnection} call, and nothing
 * else: not the log (slf4j is routed to java.util.logging in these tests and captured at every
 * level), not an error's message, stack trace or cause, not a {@code toString()}.
 */
class NetworkManagerSecretsTest {
    @RegisterExtension
    static final MockNetworkManagerBus bus = new MockNetworkManagerBus();

    /** Held so that java.util.logging keeps its level. */
    static final Logger NM_LOG = Logger.getLogger("io.camrig.http.wifi.nm");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CAMERA = "GP24500456";
    static final String PASSWORD = "Zq7!secret-Wv3";

    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    String device;
    String home;
    NetworkManagerWifi wifi;

    @BeforeEach
    void setUp() throws Exception {
        NM_LOG.setLevel(Level.ALL);
        NM_LOG.addHandler(capture);
        device = bus.addWifiDevice("wlan0");
        bus.addAccessPoint(device, "camera", CAMERA, "26:74:F7:11:22:33", 2437, 80, WPA_PSK);
        String homeAp = bus.addAccessPoint(device, "home", "HomeNet", "00:11:22:33:44:55", 5180, 60, WPA_PSK);
        home = bus.connect(device, homeAp, "home", "HomeNet");
        wifi = NetworkManagerWifi.connect(bus.options()).block(WAIT);
    }

    @AfterEach
    void tearDown() {
        NM_LOG.removeHandler(capture);
        NM_LOG.setLevel(null);
        if (wifi != null) {
            wifi.close();
        }
    }

    @Test
    void thePasswordGoesIntoTheDbusCallAndNowhereElse() throws Exception {
        HostWifiLink link = wifi.join(CAMERA, PASSWORD, WAIT).block(WAIT);
        link.restore().block(WAIT);

        String sent = String.valueOf(bus.mock(MANAGER_PATH).GetMethodCalls("AddAndActivateConnection")
                .get(0).args.get(0).getValue());
        assertThat(sent).as("NetworkManager got it").contains(PASSWORD);
        assertThat(link.toString()).contains(CAMERA).doesNotContain(PASSWORD);
        assertThat(wifi.toString()).doesNotContain(PASSWORD);
        assertThat(bus.options().toString()).doesNotContain(PASSWORD);
        assertLogsClean();
    }

    @Test
    void aRefusedPasswordIsNotInTheError() throws Exception {
        bus.stallActivations(MockNetworkManagerBus.deviceStateChanged(120, 50, 7));

        HostWifiException e = joinFails(Duration.ofSeconds(5));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertClean(e);
        assertLogsClean();
    }

    @Test
    void aTimedOutJoinIsNotInTheError() throws Exception {
        bus.stallActivations("");

        HostWifiException e = joinFails(Duration.ofMillis(400));

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertClean(e);
        assertLogsClean();
    }

    @Test
    void aDbusErrorThatEchoesThePasswordIsMasked() throws Exception {
        bus.mock(MANAGER_PATH).AddMethod(MockNetworkManagerBus.NM, "AddAndActivateConnection", "a{sa{sv}}oo", "oo",
                "raise dbus.exceptions.DBusException('802-11-wireless-security.psk: invalid key '"
                        + " + str(args[0]['802-11-wireless-security']['psk']),"
                        + " name='org.freedesktop.NetworkManager.Settings.InvalidProperty')");

        HostWifiException e = joinFails(Duration.ofSeconds(5));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).contains("802-11-wireless-security.psk: invalid key " + Secrets.MASK);
        assertThat(e.getCause()).as("the raw error mentions the password: dropped").isNull();
        assertClean(e);
        assertLogsClean();
    }

    private HostWifiException joinFails(Duration timeout) {
        try {
            wifi.join(CAMERA, PASSWORD, timeout).block(WAIT);
        } catch (HostWifiException e) {
            return e;
        }
        throw new AssertionError("the join did not fail");
    }

    private static void assertClean(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(e.getMessage()).contains(CAMERA).doesNotContain(PASSWORD);
        assertThat(e.toString()).doesNotContain(PASSWORD);
        assertThat(trace.toString()).doesNotContain(PASSWORD);
    }

    private void assertLogsClean() {
        assertThat(records).as("the backend logged").isNotEmpty();
        for (LogRecord r : records) {
            StringWriter text = new StringWriter();
            text.append(r.getMessage()).append(String.valueOf(java.util.Arrays.toString(r.getParameters())));
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(text));
            }
            assertThat(text.toString()).doesNotContain(PASSWORD);
        }
    }
}
