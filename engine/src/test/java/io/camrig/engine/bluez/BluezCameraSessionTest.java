package io.camrig.engine.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.ble.bluez.BluezCentral;
import io.camrig.ble.bluez.testing.MockBluezBus;
import io.camrig.ble.bluez.testing.MockGoProCamera;
import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattConnection;
import io.camrig.engine.camera.ApCredentials;
import io.camrig.engine.camera.Camera;
import io.camrig.engine.camera.CameraOptions;
import io.camrig.engine.error.ConnectionClosedException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * The engine's camera session over the BlueZ backend, against python-dbusmock's bluez5 template
 * with a GoPro GATT table and a canned responder: scan, connect, pair, notifications, hardware
 * info, AP credentials, status registration, camera control, shutter on, encoding on, shutter off,
 * encoding off — the same bytes as on a real camera, through D-Bus.
 */
class BluezCameraSessionTest {
    @RegisterExtension
    static final MockBluezBus bus = new MockBluezBus();

    private static final Duration T = Duration.ofSeconds(5);
    private static final HardwareInfo INFO = new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56",
            "C3501324500702", "GP24500702", "2674f7f66104");

    private BluezCentral central;
    private Camera camera;

    @AfterEach
    void shutdown() {
        if (camera != null) {
            camera.close();
        }
        if (central != null) {
            central.shutdown().block(T);
        }
    }

    private MockGoProCamera mockCamera() throws Exception {
        return bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702").answerSession(INFO, "GP24500702", "not-a-real-password");
    }

    private Camera open() {
        central = BluezCentral.create(bus.options());
        Advertisement ad = central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, Duration.ofSeconds(3)).blockFirst(T);
        GattConnection link = central.connect(ad.address()).block(T);
        camera = Camera.open(link, ad.name(), CameraOptions.defaults().withExchangeTimeout(Duration.ofSeconds(2)))
                .block(T);
        return camera;
    }

    @Test
    void aRecordingRunsOverBluez() throws Exception {
        MockGoProCamera mock = mockCamera();
        assertThat(mock.paired()).isFalse();

        Camera c = open();

        assertThat(c.name()).isEqualTo("GoPro 0702");
        assertThat(mock.paired()).as("paired before notifications").isTrue();
        for (GoProUuid response : new GoProUuid[] {GoProUuid.COMMAND_RESPONSE, GoProUuid.SETTINGS_RESPONSE,
                GoProUuid.QUERY_RESPONSE, GoProUuid.NETWORK_MANAGEMENT_RESPONSE}) {
            assertThat(mock.notifying(response)).as("notifications on %s", response.label()).isTrue();
        }
        assertThat(c.hardwareInfo().block(T)).isEqualTo(INFO);
        ApCredentials ap = c.readApCredentials().block(T);
        assertThat(ap.ssid()).isEqualTo("GP24500702");
        assertThat(ap.password()).isEqualTo("not-a-real-password");
        Map<Integer, Long> statuses = c.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(T);
        assertThat(statuses).containsExactly(Map.entry(Status.BUSY.id(), 0L), Map.entry(Status.ENCODING.id(), 0L));
        c.awaitReady(T).block(T);
        c.claimControl().block(T);

        assertThat(c.setShutter(true).block(T).writeIssuedNanos()).isPositive();
        assertThat(c.awaitEncoding(true, T).block(T).value()).isEqualTo(1L);
        c.setShutter(false).block(T);
        assertThat(c.awaitEncoding(false, T).block(T).value()).isEqualTo(0L);
        assertThat(c.status(Status.ENCODING.id())).contains(0L);

        c.disconnect().block(T);
        assertThat(c.states().blockFirst(T)).isEqualTo(ConnectionState.DISCONNECTED);
        bus.awaitProperty(mock.devicePath(), "org.bluez.Device1", "Connected", false, T);
    }

    @Test
    void aLinkLostWhileWaitingForEncodingFailsTheWaitWithConnectionClosed() throws Exception {
        MockGoProCamera mock = mockCamera();
        Camera c = open();
        c.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()).block(T);
        StepVerifier.create(c.awaitEncoding(true, T))
                .then(() -> {
                    try {
                        mock.dropLink();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .expectError(ConnectionClosedException.class)
                .verify(T);
        assertThat(c.isConnected()).isFalse();
    }
}
