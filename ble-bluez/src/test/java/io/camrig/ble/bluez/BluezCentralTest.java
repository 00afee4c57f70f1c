package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.ble.bluez.testing.MockBluezBus;
import io.camrig.ble.bluez.testing.MockGoProCamera;
import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Adapter selection, discovery, connect, pairing and bond repair against python-dbusmock's bluez5 template. */
class BluezCentralTest {
    @RegisterExtension
    static final MockBluezBus bus = new MockBluezBus();

    static final Duration T = Duration.ofSeconds(5);
    static final HardwareInfo INFO = new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56", "C3501324500702",
            "GP24500702", "2674f7f66104");
    private static final String ADAPTER = "/org/bluez/hci0";

    private BluezCentral central;

    @AfterEach
    void shutdown() {
        if (central != null) {
            central.shutdown().block(T);
        }
    }

    @Test
    void scanReportsEachNamedGoProOnceWithItsManufacturerDataAndStopsDiscovery() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        bus.addCamera("D4:D9:19:9A:0E:6C", "GoPro 0703");
        bus.bluezMock().AddDevice(MockBluezBus.ADAPTER, "11:22:33:44:55:66", "Headphones");
        central = BluezCentral.create(bus.options());

        List<BluezAdvertisement> seen = central.scanWithData(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofMillis(400))
                .collectList().block(T);

        assertThat(seen).extracting(a -> a.advertisement().name()).containsExactlyInAnyOrder("GoPro 0702", "GoPro 0703");
        BluezAdvertisement first = seen.stream().filter(a -> a.advertisement().address().equals(camera.address()))
                .findFirst().orElseThrow();
        assertThat(first.advertisement().serviceUuids()).contains(GoProUuid.CONTROL_AND_QUERY_SERVICE);
        assertThat(first.advertisement().rssi()).isEqualTo(-79);
        assertThat(first.manufacturerData(MockGoProCamera.GOPRO_COMPANY_ID)).containsExactly(0x02, 0x01, 0x3E);
        assertThat(first.devicePath()).isEqualTo(camera.devicePath());
        bus.awaitProperty(ADAPTER, "org.bluez.Adapter1", "Discovering", false, T);
    }

    @Test
    void scanSeesADeviceThatAppearsWhileDiscovering() throws Exception {
        central = BluezCentral.create(bus.options());
        StepVerifier.create(central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofSeconds(4)).take(1))
                .then(() -> {
                    awaitDiscovering();
                    addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
                })
                .assertNext(a -> assertThat(a).isEqualTo(new Advertisement("D4:D9:19:9A:0E:6B", "GoPro 0702",
                        java.util.Set.of(GoProUuid.CONTROL_AND_QUERY_SERVICE), -79)))
                .expectComplete()
                .verify(T);
    }

    @Test
    void connectPairsAnUnbondedCameraMarksItTrustedAndResolvesTheGoProCharacteristics() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        assertThat(camera.paired()).isFalse();
        central = BluezCentral.create(bus.options());

        BluezGattConnection c = (BluezGattConnection) central.connect(camera.address()).block(T);

        assertThat(camera.paired()).isTrue();
        assertThat(c.address()).isEqualTo(camera.address());
        assertThat(c.devicePath()).isEqualTo(camera.devicePath());
        assertThat(c.characteristics()).contains(GoProUuid.COMMAND.uuid(), GoProUuid.QUERY_RESPONSE.uuid(),
                GoProUuid.WIFI_AP_SSID.uuid(), GoProUuid.NETWORK_MANAGEMENT_RESPONSE.uuid());
        assertThat(c.states().blockFirst(T)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(bus.mock("/org/bluez").GetMethodCalls("RegisterAgent"))
                .extracting(call -> (Object) call.args.get(1).getValue()).containsExactly(PairingAgent.CAPABILITY);
        assertThat(bus.connection().getRemoteObject("org.bluez", camera.devicePath(),
                org.freedesktop.dbus.interfaces.Properties.class).<Boolean>Get("org.bluez.Device1", "Trusted")).isTrue();
    }

    @Test
    void connectDiscoversAnAddressBluezDoesNotKnowYet() throws Exception {
        central = BluezCentral.create(bus.options());
        StepVerifier.create(central.connect("D4:D9:19:9A:0E:6B"))
                .then(() -> {
                    awaitDiscovering();
                    addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
                })
                .assertNext(c -> assertThat(c.address()).isEqualTo("D4:D9:19:9A:0E:6B"))
                .expectComplete()
                .verify(T);
    }

    @Test
    void connectToACameraThatNeverAdvertisesFailsWithATimeoutNamingPairingMode() {
        central = BluezCentral.create(bus.options().withDiscoveryTimeout(Duration.ofMillis(300)));
        StepVerifier.create(central.connect("D4:D9:19:9A:0E:6B"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezTimeoutException.class)
                        .hasMessageContaining("pairing mode").hasMessageContaining("D4:D9:19:9A:0E:6B"))
                .verify(T);
    }

    @Test
    void aStaleBondIsRemovedAndTheCameraPairedAgain() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        camera.makeBondStale();
        camera.readvertiseWhenRemoved();
        central = BluezCentral.create(bus.options());

        GattConnection c = central.connect(camera.address()).block(T);

        assertThat(bus.mock(ADAPTER).GetMethodCalls("RemoveDevice")).hasSize(1);
        assertThat(bus.mock(camera.devicePath()).GetMethodCalls("Pair")).as("paired again").hasSize(1);
        assertThat(camera.paired()).isTrue();
        c.enableNotifications(GoProUuid.COMMAND_RESPONSE.uuid()).block(T);
        assertThat(camera.notifying(GoProUuid.COMMAND_RESPONSE)).isTrue();
    }

    @Test
    void withoutRepairAStaleBondFailsWithAnAuthenticationError() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        camera.makeBondStale();
        central = BluezCentral.create(bus.options().withRepairStaleBonds(false));
        StepVerifier.create(central.connect(camera.address()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(BluezAuthenticationException.class);
                    assertThat(((BluezException) e).dbusError()).contains("org.bluez.Error.AuthenticationFailed");
                    assertThat(((BluezException) e).operation()).contains("connect");
                })
                .verify(T);
        assertThat(camera.paired()).as("the bond is left alone").isTrue();
    }

    @Test
    void removeBondForgetsTheDevice() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        central = BluezCentral.create(bus.options());
        central.connect(camera.address()).block(T);
        central.removeBond(camera.address()).block(T);
        assertThat(bus.connection().getRemoteObject("org.bluez", "/", org.freedesktop.dbus.interfaces.ObjectManager.class)
                .GetManagedObjects().keySet()).extracting(p -> p.getPath()).doesNotContain(camera.devicePath());
        central.removeBond(camera.address()).block(T);   // unknown now: completes
    }

    @Test
    void twoConnectsAtOnceBothSucceedThroughTheAdapterGate() throws Exception {
        MockGoProCamera a = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        MockGoProCamera b = bus.addCamera("D4:D9:19:9A:0E:6C", "GoPro 0703");
        central = BluezCentral.create(bus.options());
        List<GattConnection> both = Mono.zip(central.connect(a.address()), central.connect(b.address()),
                List::<GattConnection>of).block(T);
        assertThat(both).extracting(GattConnection::address).containsExactly(a.address(), b.address());
        assertThat(a.paired()).isTrue();
        assertThat(b.paired()).isTrue();
    }

    @Test
    void shutdownDisconnectsTheCamerasAndRefusesLaterUse() throws Exception {
        MockGoProCamera camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702");
        central = BluezCentral.create(bus.options());
        GattConnection c = central.connect(camera.address()).block(T);
        central.shutdown().block(T);
        assertThat(c.states().blockFirst(T)).isEqualTo(ConnectionState.DISCONNECTED);
        bus.awaitProperty(camera.devicePath(), "org.bluez.Device1", "Connected", false, T);
        StepVerifier.create(central.connect(camera.address()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezUnavailableException.class)
                        .hasMessageContaining("closed"))
                .verify(T);
        central.shutdown().block(T);
    }

    @Test
    void aMissingAdapterIsAPermanentErrorListingTheAdapters() {
        central = BluezCentral.create(bus.options().withAdapter("hci7"));
        StepVerifier.create(central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofMillis(100)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezUnavailableException.class)
                        .hasMessageContaining("no adapter hci7").hasMessageContaining("hci0 (00:01:02:03:04:05)"))
                .verify(T);
    }

    @Test
    void anAdapterCanBeSelectedByAddress() {
        central = BluezCentral.create(bus.options().withAdapter("00:01:02:03:04:05"));
        StepVerifier.create(central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofMillis(100)))
                .verifyComplete();
    }

    @Test
    void anUnreachableBusIsAPermanentError() {
        central = BluezCentral.create(bus.options().withDbusAddress("unix:path=/nonexistent/camrig.sock"));
        StepVerifier.create(central.connect("D4:D9:19:9A:0E:6B"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezUnavailableException.class)
                        .hasMessageContaining("cannot connect to unix:path=/nonexistent/camrig.sock"))
                .verify(T);
    }

    private static void awaitDiscovering() {
        try {
            bus.awaitProperty(ADAPTER, "org.bluez.Adapter1", "Discovering", true, T);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void addCamera(String address, String name) {
        try {
            bus.addCamera(address, name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static UUID uuid(GoProUuid u) {
        return u.uuid();
    }
}
