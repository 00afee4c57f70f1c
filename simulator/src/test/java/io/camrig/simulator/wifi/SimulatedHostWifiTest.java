package io.camrig.simulator.wifi;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import io.camrig.http.wifi.HostWifiLink;
import io.camrig.http.wifi.WifiAccessPoint;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.catalog.Status;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.camera.GattServerSession;
import io.camrig.simulator.camera.VirtualCamera;
import io.camrig.simulator.state.SimulatedNetworks;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The simulated host Wi-Fi of a rig, on virtual time: what it sees (camera APs only while status
 * 69 is 1), joins that check passwords, time out or find nothing, and restore.
 */
class SimulatedHostWifiTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final Duration JOIN = Duration.ofSeconds(2);
    private static final Duration AP_START = Duration.ofMillis(300);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private VirtualRig rig;
    private SimulatedHostWifi wifi;

    @BeforeEach
    void start() {
        rig = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withScheduler(time)
                .withBusy(AP_START, Duration.ZERO).withHostJoinDelay(JOIN)).block(T);
        wifi = rig.hostWifi();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void itSeesTheNetworksAndACamerasApOnlyWhileApModeIsOn() {
        VirtualCamera camera = rig.cameras().get(0);
        assertThat(wifi.scan(T).block(T)).extracting(WifiAccessPoint::ssid)
                .containsExactlyInAnyOrder("rig-studio", "rig-backstage", "venue-guest", "press-5g");

        apControl(camera, true);
        assertThat(wifi.scan(T).block(T)).extracting(WifiAccessPoint::ssid).doesNotContain(camera.identity().apSsid());
        time.advanceTimeBy(AP_START);
        assertThat(camera.statuses().get(Status.AP_MODE.id())).isEqualTo(1);
        assertThat(wifi.scan(T).block(T)).filteredOn(ap -> ap.ssid().equals(camera.identity().apSsid()))
                .singleElement().satisfies(ap -> assertThat(ap.secured()).isTrue());
        assertThat(wifi.scan(T).block(T)).extracting(WifiAccessPoint::strengthPercent).isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(wifi.scan(T).block(T)).extracting(WifiAccessPoint::ssid)
                .doesNotContain(rig.cameras().get(1).identity().apSsid());
    }

    @Test
    void joiningACamerasApTakesItsOwnPasswordAndEndsWhenTheApGoesOff() {
        VirtualCamera camera = rig.cameras().get(0);
        apControl(camera, true);
        time.advanceTimeBy(AP_START);
        String ssid = camera.identity().apSsid();

        expectError(wifi.join(ssid, rig.cameras().get(1).identity().apPassword(), T), Reason.WRONG_PASSWORD,
                rig.cameras().get(1).identity().apPassword());
        StepVerifier.create(wifi.join(ssid, camera.identity().apPassword(), T))
                .then(() -> time.advanceTimeBy(JOIN))
                .assertNext(link -> {
                    assertThat(link.ssid()).isEqualTo(ssid);
                    assertThat(link.previous()).isEmpty();
                })
                .expectComplete().verify(T);
        assertThat(wifi.currentSsid().block(T)).contains(ssid);

        apControl(camera, false);
        assertThat(wifi.currentSsid().block(T)).isEmpty();
        StepVerifier.create(wifi.join(ssid, camera.identity().apPassword(), T))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HostWifiException.class,
                        h -> assertThat(h.reason()).isEqualTo(Reason.NETWORK_NOT_FOUND)))
                .verify(T);
    }

    @Test
    void joinsCheckPasswordsAndRestoreGoesBackToThePreviousNetwork() {
        expectError(wifi.join(SimulatedNetworks.STUDIO_SSID, "studio-pass-wrong", T), Reason.WRONG_PASSWORD,
                "studio-pass-wrong");
        expectError(wifi.join(SimulatedNetworks.PRESS_SSID, null, T), Reason.WRONG_PASSWORD,
                SimulatedNetworks.PRESS_PASSWORD);
        expectError(wifi.join("nowhere", "whatever-1", T), Reason.NETWORK_NOT_FOUND, "whatever-1");

        HostWifiLink studio = join(SimulatedNetworks.STUDIO_SSID, SimulatedNetworks.STUDIO_PASSWORD);
        HostWifiLink guest = join(SimulatedNetworks.GUEST_SSID, null);
        assertThat(guest.previous()).contains(SimulatedNetworks.STUDIO_SSID);
        assertThat(wifi.currentSsid().block(T)).contains(SimulatedNetworks.GUEST_SSID);

        guest.restore().block(T);
        assertThat(wifi.currentSsid().block(T)).contains(SimulatedNetworks.STUDIO_SSID);
        studio.restore().block(T);
        assertThat(wifi.currentSsid().block(T)).isEqualTo(Optional.empty());
    }

    @Test
    void aJoinSlowerThanItsTimeLimitTimesOut() {
        StepVerifier.create(wifi.join(SimulatedNetworks.BACKSTAGE_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD,
                        JOIN.minusMillis(1)))
                .then(() -> time.advanceTimeBy(JOIN))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HostWifiException.class, h -> {
                    assertThat(h.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(h.isTransient()).isTrue();
                    assertThat(h.getMessage()).doesNotContain(SimulatedNetworks.BACKSTAGE_PASSWORD);
                }))
                .verify(T);
        assertThat(wifi.currentSsid().block(T)).isEmpty();
    }

    @Test
    void aClosedInterfaceIsUnavailable() {
        wifi.close();
        StepVerifier.create(wifi.scan(T)).expectErrorSatisfies(e -> assertThat(((HostWifiException) e).reason())
                .isEqualTo(Reason.UNAVAILABLE)).verify(T);
    }

    private HostWifiLink join(String ssid, String password) {
        HostWifiLink[] out = new HostWifiLink[1];
        StepVerifier.create(wifi.join(ssid, password, T))
                .then(() -> time.advanceTimeBy(JOIN))
                .consumeNextWith(l -> out[0] = l)
                .expectComplete().verify(T);
        return out[0];
    }

    private void expectError(Mono<HostWifiLink> join, Reason reason, String secret) {
        StepVerifier.create(join)
                .then(() -> time.advanceTimeBy(JOIN))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(HostWifiException.class, h -> {
                    assertThat(h.reason()).isEqualTo(reason);
                    assertThat(h.getMessage()).doesNotContain(secret);
                }))
                .verify(T);
    }

    /** Set AP Control over the BLE bytes. */
    private static void apControl(VirtualCamera camera, boolean on) {
        Consumer<io.camrig.ble.spi.GattNotification> ignore = n -> { };
        GattServerSession session = camera.openSession(ignore, () -> { });
        EncodedRequest request = RequestEncoder.setApControl(on);
        for (byte[] packet : PacketFragmenter.fragment(request.bytes())) {
            session.onWrite(request.characteristic().uuid(), packet);
        }
        session.close();
    }
}
