package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.dbus.testing.DbusMockBus;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** {@link NetworkManagerWifi#connect}: UNAVAILABLE when there is no bus, no NetworkManager or no Wi-Fi device. */
class NetworkManagerUnavailableTest {
    @RegisterExtension
    static final MockNetworkManagerBus bus = new MockNetworkManagerBus();

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void noBusAtTheAddress() {
        NetworkManagerOptions options = bus.options().withDbusAddress("unix:path=/nonexistent/camrig/bus.sock");

        StepVerifier.create(NetworkManagerWifi.connect(options))
                .expectErrorSatisfies(e -> assertUnavailable(e, "no socket at /nonexistent/camrig/bus.sock"))
                .verify(WAIT);
    }

    @Test
    void networkManagerIsNotOnTheBus() throws Exception {
        try (DbusMockBus empty = DbusMockBus.startDaemon("camrig-nm-empty-")) {
            StepVerifier.create(NetworkManagerWifi.connect(bus.options().withDbusAddress(empty.address())))
                    .expectErrorSatisfies(e -> assertUnavailable(e, "NetworkManager is not running"))
                    .verify(WAIT);
        }
    }

    @Test
    void noWifiDevice() throws Exception {
        bus.nm().AddEthernetDevice("eth0", "eth0", 100);

        StepVerifier.create(NetworkManagerWifi.connect(bus.options()))
                .expectErrorSatisfies(e -> assertUnavailable(e, "NetworkManager has no Wi-Fi device"))
                .verify(WAIT);
    }

    @Test
    void noWifiDeviceOfThatName() throws Exception {
        bus.addWifiDevice("wlan0");

        StepVerifier.create(NetworkManagerWifi.connect(bus.options().withInterfaceName("wlan1")))
                .expectErrorSatisfies(e -> assertUnavailable(e, "no Wi-Fi device wlan1; it has wlan0"))
                .verify(WAIT);
    }

    @Test
    void theNamedDeviceIsChosenAndOtherwiseTheFirstWifiDevice() throws Exception {
        bus.nm().AddEthernetDevice("eth0", "eth0", 100);
        bus.addWifiDevice("wlan0");
        bus.addWifiDevice("wlan1");

        NetworkManagerWifi named = NetworkManagerWifi.connect(bus.options().withInterfaceName("wlan1")).block(WAIT);
        NetworkManagerWifi first = NetworkManagerWifi.connect(bus.options()).block(WAIT);
        try {
            assertThat(named.interfaceName()).isEqualTo("wlan1");
            assertThat(first.interfaceName()).isEqualTo("wlan0");
        } finally {
            named.close();
            first.close();
        }
    }

    private static void assertUnavailable(Throwable e, String message) {
        assertThat(e).isInstanceOf(HostWifiException.class);
        assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(((HostWifiException) e).isTransient()).isFalse();
        assertThat(e.getMessage()).contains(message);
    }
}
