package io.camrig.http.wifi.nm;

import static io.camrig.http.wifi.nm.MockNetworkManagerBus.MANAGER_PATH;
import static io.camrig.http.wifi.nm.MockNetworkManagerBus.PENDING_ACTIVE;
import static io.camrig.http.wifi.nm.MockNetworkManagerBus.PENDING_PROFILE;
import static io.camrig.http.wifi.nm.MockNetworkManagerBus.WPA_PSK;
import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.dbus.testing.DbusMockApi;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** {@link NetworkManagerWifi} against python-dbusmock's networkmanager template on a private bus. */
class NetworkManagerWifiTest {
    @RegisterExtension
    static final MockNetworkManagerBus bus = new MockNetworkManagerBus();

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CAMERA = "GP24500456";
    static final String PASSWORD = "kX9-pq7Lmw";

    String device;
    String cameraAp;
    String homeAp;
    NetworkManagerWifi wifi;

    @BeforeEach
    void setUp() throws Exception {
        device = bus.addWifiDevice("wlan0");
        cameraAp = bus.addAccessPoint(device, "camera", CAMERA, "26:74:F7:11:22:33", 2437, 80, WPA_PSK);
        homeAp = bus.addAccessPoint(device, "home", "HomeNet", "00:11:22:33:44:55", 5180, 60, WPA_PSK);
        wifi = NetworkManagerWifi.connect(bus.options()).block(WAIT);
    }

    @AfterEach
    void tearDown() {
        if (wifi != null) {
            wifi.close();
        }
    }

    @Test
    void scanListsOneEntryPerSsidStrongestFirst() throws Exception {
        bus.addAccessPoint(device, "camera5g", CAMERA, "26:74:F7:11:22:34", 5745, 90, WPA_PSK);
        bus.addAccessPoint(device, "cafe", "Cafe", "AA:BB:CC:DD:EE:FF", 2412, 95, 0);
        bus.addAccessPoint(device, "hidden", "", "AA:BB:CC:DD:EE:00", 2462, 99, WPA_PSK);

        StepVerifier.create(wifi.scan(Duration.ofMillis(200)))
                .assertNext(aps -> assertThat(aps).containsExactly(
                        new WifiAccessPoint("Cafe", "aa:bb:cc:dd:ee:ff", 95, 2412, false),
                        new WifiAccessPoint(CAMERA, "26:74:f7:11:22:34", 90, 5745, true),
                        new WifiAccessPoint("HomeNet", "00:11:22:33:44:55", 60, 5180, true)))
                .verifyComplete();
        assertThat(bus.mock(device).GetMethodCalls("RequestScan")).hasSize(1);
    }

    @Test
    void scanEndsWhenLastScanChangesNotAtItsTimeLimit() throws Exception {
        CompletableFuture<List<Variant<?>>> requested = bus.onCall("RequestScan");
        CompletableFuture<List<WifiAccessPoint>> result = wifi.scan(Duration.ofMinutes(1)).toFuture();
        requested.get();
        bus.emitScanDone(device);

        assertThat(result.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .extracting(WifiAccessPoint::ssid).containsExactly(CAMERA, "HomeNet");
    }

    @Test
    void joinActivatesAndRestoreGoesBackToThePreviousConnection() throws Exception {
        String home = bus.connect(device, homeAp, "home", "HomeNet");
        StepVerifier.create(wifi.currentSsid()).expectNext(Optional.of("HomeNet")).verifyComplete();

        HostWifiLink link = wifi.join(CAMERA, PASSWORD, WAIT).block(WAIT);

        assertThat(link.ssid()).isEqualTo(CAMERA);
        assertThat(link.previous()).contains("HomeNet");
        StepVerifier.create(wifi.currentSsid()).expectNext(Optional.of(CAMERA)).verifyComplete();
        List<DbusMockApi.Call> calls = bus.mock(MANAGER_PATH).GetMethodCalls("AddAndActivateConnection");
        assertThat(calls).hasSize(1);
        assertThat(path(calls.get(0).args.get(1))).isEqualTo(device);
        assertThat(path(calls.get(0).args.get(2))).as("the camera's AP").isEqualTo(cameraAp);
        String settings = String.valueOf(calls.get(0).args.get(0).getValue());
        assertThat(settings).contains("wpa-psk", PASSWORD, "camrig " + CAMERA);
        List<String> profilesWhileJoined = bus.profiles();
        assertThat(profilesWhileJoined).hasSize(2);

        StepVerifier.create(link.restore()).expectComplete().verify(WAIT);

        assertThat(bus.mock(MANAGER_PATH).GetMethodCalls("DeactivateConnection")).hasSize(1);
        assertThat(bus.profiles()).as("the camera profile is deleted").containsExactly(home);
        List<DbusMockApi.Call> activations = bus.mock(MANAGER_PATH).GetMethodCalls("ActivateConnection");
        assertThat(activations).hasSize(1);
        assertThat(path(activations.get(0).args.get(0))).isEqualTo(home);
        StepVerifier.create(wifi.currentSsid()).expectNext(Optional.of("HomeNet")).verifyComplete();
    }

    @Test
    void restoreFailsTypedWhenThePreviousProfileCannotBeActivated() throws Exception {
        bus.connect(device, homeAp, "home", "HomeNet");
        HostWifiLink link = wifi.join(CAMERA, PASSWORD, WAIT).block(WAIT);
        bus.mock(MANAGER_PATH).AddMethod(MockNetworkManagerBus.NM, "ActivateConnection", "ooo", "o",
                "raise dbus.exceptions.DBusException('Connection is not available on the device',"
                        + " name='org.freedesktop.NetworkManager.ConnectionNotAvailable')");

        StepVerifier.create(link.restore())
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.FAILED);
                    assertThat(e.getMessage()).contains("ActivateConnection", "not available");
                    assertThat(((HostWifiException) e).operation()).contains("ActivateConnection");
                })
                .verify(WAIT);
        assertThat(bus.profiles()).as("the camera profile is deleted all the same").hasSize(1);
    }

    @Test
    void restoreTimesOutWhenThePreviousConnectionDoesNotComeBack() throws Exception {
        bus.connect(device, homeAp, "home", "HomeNet");
        NetworkManagerWifi quick = NetworkManagerWifi.connect(bus.options()
                .withRestoreTimeout(Duration.ofMillis(500))).block(WAIT);
        try {
            HostWifiLink link = quick.join(CAMERA, PASSWORD, WAIT).block(WAIT);
            // An activation that stays ACTIVATING.
            bus.mock(MANAGER_PATH).AddMethod(MockNetworkManagerBus.NM, "ActivateConnection", "ooo", "o", String.join(
                    "\n",
                    "ac = '/org/freedesktop/NetworkManager/ActiveConnection/back'",
                    "self.AddObject(ac, 'org.freedesktop.NetworkManager.Connection.Active',"
                            + " {'State': dbus.UInt32(1), 'Connection': dbus.ObjectPath(args[0])}, [])",
                    "ret = dbus.ObjectPath(ac)"));

            StepVerifier.create(link.restore())
                    .expectErrorSatisfies(e -> {
                        assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("HomeNet", "500 ms");
                    })
                    .verify(WAIT);
        } finally {
            quick.close();
        }
    }

    @Test
    void joinWithoutPreviousConnectionRestoresToNothing() throws Exception {
        bus.addAccessPoint(device, "open", "OpenCam", "AA:BB:CC:DD:EE:01", 2412, 70, 0);
        StepVerifier.create(wifi.currentSsid()).expectNext(Optional.empty()).verifyComplete();

        HostWifiLink link = wifi.join("OpenCam", null, WAIT).block(WAIT);

        assertThat(link.previous()).isEmpty();
        String settings = String.valueOf(bus.mock(MANAGER_PATH).GetMethodCalls("AddAndActivateConnection")
                .get(0).args.get(0).getValue());
        assertThat(settings).as("an open network has no security setting").doesNotContain("802-11-wireless-security");
        StepVerifier.create(link.restore()).expectComplete().verify(WAIT);
        assertThat(bus.profiles()).isEmpty();
        assertThat(bus.mock(MANAGER_PATH).GetMethodCalls("ActivateConnection")).isEmpty();
        StepVerifier.create(wifi.currentSsid()).expectNext(Optional.empty()).verifyComplete();
    }

    @Test
    void wrongPasswordWhenTheNetworkRefusesTheKeyAndTheAttemptIsUndone() throws Exception {
        String home = bus.connect(device, homeAp, "home", "HomeNet");
        bus.stallActivations("");
        CompletableFuture<List<Variant<?>>> called = bus.onCall("AddAndActivateConnection");
        CompletableFuture<HostWifiLink> join = wifi.join(CAMERA, PASSWORD, WAIT).toFuture();
        called.get();
        // What NetworkManager does when the 4-way handshake fails: NEED_AUTH, SUPPLICANT_DISCONNECT.
        bus.emitDeviceState(device, 60, 50, 8);

        HostWifiException e = failure(join);
        assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(e.getMessage()).contains(CAMERA, "SUPPLICANT_DISCONNECT (8)");
        assertThat(e.isTransient()).isFalse();
        assertUndone(home);
    }

    @Test
    void wrongPasswordWhenTheDeviceFailsWithNoSecrets() throws Exception {
        bus.stallActivations(MockNetworkManagerBus.deviceStateChanged(120, 50, 7));

        StepVerifier.create(wifi.join(CAMERA, PASSWORD, WAIT))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(HostWifiException.class);
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).contains("NO_SECRETS (7)");
                })
                .verify(WAIT);
        assertThat(bus.profiles()).doesNotContain(PENDING_PROFILE);
    }

    @Test
    void networkNotFoundWhenTheSsidIsNotListedEvenAfterAScan() throws Exception {
        StepVerifier.create(wifi.join("GP99999999", PASSWORD, WAIT))
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.NETWORK_NOT_FOUND);
                    assertThat(e.getMessage()).contains("GP99999999", "wlan0");
                })
                .verify(WAIT);
        assertThat(bus.mock(device).GetMethodCalls("RequestScan")).as("scanned once").hasSize(1);
        assertThat(bus.mock(MANAGER_PATH).GetMethodCalls("AddAndActivateConnection")).isEmpty();
    }

    @Test
    void networkNotFoundWhenNetworkManagerSaysSsidNotFound() throws Exception {
        // The active connection goes down; the device's StateReason says why (SSID_NOT_FOUND, 53).
        bus.stallActivations(String.join("\n",
                "d.Set('org.freedesktop.NetworkManager.Device', 'StateReason', (dbus.UInt32(120), dbus.UInt32(53)))",
                "dbusmock.get_object(ac).Set('org.freedesktop.NetworkManager.Connection.Active', 'State',"
                        + " dbus.UInt32(4))",
                "dbusmock.get_object(ac).EmitSignal('org.freedesktop.NetworkManager.Connection.Active',"
                        + " 'StateChanged', 'uu', [dbus.UInt32(4), dbus.UInt32(3)])"));

        StepVerifier.create(wifi.join(CAMERA, PASSWORD, WAIT))
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.NETWORK_NOT_FOUND);
                    assertThat(e.getMessage()).contains("SSID_NOT_FOUND (53)");
                })
                .verify(WAIT);
    }

    @Test
    void anotherReasonIsFailedNamingNetworkManagersReason() throws Exception {
        bus.stallActivations(MockNetworkManagerBus.deviceStateChanged(120, 70, 17));

        StepVerifier.create(wifi.join(CAMERA, PASSWORD, WAIT))
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.FAILED);
                    assertThat(e.getMessage()).contains("DHCP_FAILED (17)");
                    assertThat(((HostWifiException) e).isTransient()).isTrue();
                })
                .verify(WAIT);
    }

    @Test
    void timeoutDeactivatesTheHalfMadeAttempt() throws Exception {
        String home = bus.connect(device, homeAp, "home", "HomeNet");
        bus.stallActivations("");

        StepVerifier.create(wifi.join(CAMERA, PASSWORD, Duration.ofMillis(600)))
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(e.getMessage()).contains(CAMERA, "600 ms");
                })
                .verify(WAIT);
        assertUndone(home);
    }

    @Test
    void aPasswordThatCannotBeAPassphraseIsRefusedBeforeNetworkManagerSeesIt() throws Exception {
        StepVerifier.create(wifi.join(CAMERA, "short", WAIT))
                .expectErrorSatisfies(e -> {
                    assertThat(((HostWifiException) e).reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).doesNotContain("short");
                })
                .verify(WAIT);
        assertThat(bus.mock(MANAGER_PATH).GetMethodCalls("AddAndActivateConnection")).isEmpty();
    }

    @Test
    void toStringNamesTheInterface() {
        assertThat(wifi.interfaceName()).isEqualTo("wlan0");
        assertThat(wifi.toString()).contains("wlan0");
    }

    /** The pending attempt was deactivated, its profile deleted, and the previous connection re-activated. */
    private void assertUndone(String previousProfile) throws Exception {
        List<DbusMockApi.Call> deactivations = bus.mock(MANAGER_PATH).GetMethodCalls("DeactivateConnection");
        assertThat(deactivations).hasSize(1);
        assertThat(path(deactivations.get(0).args.get(0))).isEqualTo(PENDING_ACTIVE);
        assertThat(bus.profiles()).containsExactly(previousProfile);
        List<DbusMockApi.Call> activations = bus.mock(MANAGER_PATH).GetMethodCalls("ActivateConnection");
        assertThat(activations).hasSize(1);
        assertThat(path(activations.get(0).args.get(0))).isEqualTo(previousProfile);
    }

    static HostWifiException failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(HostWifiException.class);
            return (HostWifiException) e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static String path(Variant<?> v) {
        return ((DBusPath) v.getValue()).getPath();
    }
}
