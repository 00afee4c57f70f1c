package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.ble.bluez.testing.MockBluezBus;
import io.camrig.ble.bluez.testing.MockGoProCamera;
import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.spi.BleException;
import io.camrig.ble.spi.ConnectionState;
import io.camrig.ble.spi.GattNotification;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.catalog.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bluez.Agent1;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

/** GATT operations, notifications, link loss and error mapping against python-dbusmock's bluez5 template. */
class BluezGattConnectionTest {
    @RegisterExtension
    static final MockBluezBus bus = new MockBluezBus();

    private static final Duration T = Duration.ofSeconds(5);

    private MockGoProCamera camera;
    private BluezCentral central;

    @BeforeEach
    void camera() throws Exception {
        camera = bus.addCamera("D4:D9:19:9A:0E:6B", "GoPro 0702")
                .answerSession(BluezCentralTest.INFO, "GP24500702", "secret-password");
    }

    @AfterEach
    void shutdown() {
        if (central != null) {
            central.shutdown().block(T);
        }
    }

    private BluezGattConnection connect(BluezOptions options) {
        central = BluezCentral.create(options);
        return (BluezGattConnection) central.connect(camera.address()).block(T);
    }

    private static byte[] packet(io.camrig.proto.codec.EncodedRequest request) {
        return PacketFragmenter.fragment(request.bytes()).get(0);
    }

    @Test
    void aResponseSpanningSeveralPacketsArrivesAsNotificationsInOrder() {
        BluezGattConnection c = connect(bus.options());
        c.enableNotifications(GoProUuid.COMMAND_RESPONSE.uuid()).block(T);
        List<byte[]> expected = PacketFragmenter.fragment(io.camrig.proto.codec.ResponseEncoder.commandResponse(0x3C,
                io.camrig.proto.id.TlvStatus.SUCCESS, BluezCentralTest.INFO.encode()));
        assertThat(expected).hasSizeGreaterThan(2);
        StepVerifier.create(c.notifications().take(expected.size()).map(GattNotification::value).collectList())
                .then(() -> c.write(GoProUuid.COMMAND.uuid(), packet(RequestEncoder.getHardwareInfo())).block(T))
                .assertNext(got -> assertThat(got).containsExactlyElementsOf(expected))
                .expectComplete()
                .verify(T);
    }

    @Test
    void notificationsArriveOnlyFromCharacteristicsWhoseNotificationsAreEnabled() {
        BluezGattConnection c = connect(bus.options());
        c.enableNotifications(GoProUuid.COMMAND_RESPONSE.uuid()).block(T);
        // A read makes BlueZ update GP-0002's Value (a PropertiesChanged) before the shutter's answer
        // arrives on GP-0073: the first notification must still be GP-0073's.
        StepVerifier.create(c.notifications().take(1))
                .then(() -> {
                    c.read(GoProUuid.WIFI_AP_SSID.uuid()).block(T);
                    c.write(GoProUuid.COMMAND.uuid(), packet(RequestEncoder.setShutter(true))).block(T);
                })
                .assertNext(n -> assertThat(n.characteristic()).isEqualTo(GoProUuid.COMMAND_RESPONSE.uuid()))
                .verifyComplete();
        c.enableNotifications(GoProUuid.QUERY_RESPONSE.uuid()).block(T);
        StepVerifier.create(c.notifications().take(2))
                .then(() -> c.write(GoProUuid.COMMAND.uuid(), packet(RequestEncoder.setShutter(false))).block(T))
                .assertNext(n -> assertThat(n.characteristic()).isEqualTo(GoProUuid.COMMAND_RESPONSE.uuid()))
                .assertNext(n -> {
                    assertThat(n.characteristic()).isEqualTo(GoProUuid.QUERY_RESPONSE.uuid());
                    assertThat(n.value()).containsExactly(0x05, 0x93, 0x00, Status.ENCODING.id(), 0x01, 0x00);
                })
                .verifyComplete();
    }

    @Test
    void readsReturnTheCharacteristicValueAndWritesWithoutResponseComplete() {
        BluezGattConnection c = connect(bus.options());
        assertThat(new String(c.read(GoProUuid.WIFI_AP_PASSWORD.uuid()).block(T), StandardCharsets.UTF_8))
                .isEqualTo("secret-password");
        c.writeWithoutResponse(GoProUuid.COMMAND.uuid(), packet(RequestEncoder.keepAlive())).block(T);
    }

    @Test
    void whenTheCameraDropsTheLinkEverythingEndsWithTypedErrors() throws Exception {
        BluezGattConnection c = connect(bus.options());
        c.enableNotifications(GoProUuid.COMMAND_RESPONSE.uuid()).block(T);
        StepVerifier.create(c.notifications())
                .then(() -> {
                    try {
                        camera.dropLink();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .expectComplete()
                .verify(T);
        assertThat(c.states().blockFirst(T)).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(c.isConnected()).isFalse();
        StepVerifier.create(c.write(GoProUuid.COMMAND.uuid(), new byte[] {0x01, 0x3C}))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezNotConnectedException.class)
                        .hasMessageContaining("BLE link lost").hasMessageContaining("the peripheral disconnected")
                        .satisfies(x -> assertThat(((BleException) x).isTransient()).isTrue()))
                .verify(T);
        c.close().block(T);   // idempotent once down
    }

    @ParameterizedTest
    @CsvSource({
        "org.bluez.Error.NotPermitted, io.camrig.ble.bluez.BluezNotPermittedException",
        "org.bluez.Error.InProgress, io.camrig.ble.bluez.BluezInProgressException",
        "org.bluez.Error.NotConnected, io.camrig.ble.bluez.BluezNotConnectedException",
        "org.bluez.Error.AuthenticationFailed, io.camrig.ble.bluez.BluezAuthenticationException",
        "org.bluez.Error.Failed, io.camrig.ble.bluez.BluezException",
        "org.bluez.Error.NotSupported, io.camrig.ble.bluez.BluezUnavailableException",
    })
    void bluezErrorNamesBecomeTypedErrors(String errorName, Class<?> type) throws Exception {
        camera.failWrites(GoProUuid.SETTINGS, errorName);
        BluezGattConnection c = connect(bus.options());
        StepVerifier.create(c.write(GoProUuid.SETTINGS.uuid(), new byte[] {0x03, 0x02, 0x01, 0x09}))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isExactlyInstanceOf(type).hasMessageContaining("write GP-0074")
                            .hasMessageContaining(camera.address()).hasMessageContaining(errorName);
                    assertThat(BluezErrors.nameOf(e)).isEqualTo(errorName);
                })
                .verify(T);
        // The queue is not wedged by a failed operation.
        c.write(GoProUuid.COMMAND.uuid(), packet(RequestEncoder.keepAlive())).block(T);
    }

    @Test
    void aStartNotifyThatDoesNotAnswerInTimeFailsAndTheQueueMovesOn() throws Exception {
        camera.delayStartNotify(GoProUuid.QUERY_RESPONSE, 0.5);
        BluezGattConnection c = connect(bus.options().withOperationTimeout(Duration.ofMillis(400)));
        StepVerifier.create(c.enableNotifications(GoProUuid.QUERY_RESPONSE.uuid()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BluezTimeoutException.class)
                        .hasMessageContaining("enable notifications GP-0077").hasMessageContaining("400 ms"))
                .verify(T);
        // The next operation is issued while StartNotify is still pending in the mock (asleep for
        // another ~100 ms, which blocks the whole mock), and answers once the mock is free.
        assertThat(c.read(GoProUuid.WIFI_AP_SSID.uuid()).block(T)).asString(StandardCharsets.UTF_8)
                .isEqualTo("GP24500702");
    }

    @Test
    void thePairingAgentConfirmsOnlyTheDevicesCamrigConnectsTo() throws Exception {
        BluezGattConnection c = connect(bus.options());
        Agent1 agent = agentOf(bus);
        agent.RequestConfirmation(new DBusPath(camera.devicePath()), new UInt32(123456));
        agent.RequestAuthorization(new DBusPath(camera.devicePath()));
        assertThatThrownBy(() -> agent.RequestConfirmation(new DBusPath("/org/bluez/hci0/dev_11_22_33_44_55_66"),
                new UInt32(1))).isInstanceOf(org.bluez.Error.Rejected.class)
                .satisfies(e -> assertThat(BluezErrors.errorName(e)).isEqualTo("org.bluez.Error.Rejected"));
        assertThatThrownBy(() -> agent.RequestPasskey(new DBusPath(camera.devicePath())))
                .isInstanceOf(org.bluez.Error.Rejected.class);
        c.close().block(T);
        assertThatThrownBy(() -> agent.RequestAuthorization(new DBusPath(camera.devicePath())))
                .as("forgotten once the link is closed").isInstanceOf(org.bluez.Error.Rejected.class);
    }

    /** The camrig agent, reached over the bus the way bluetoothd reaches it. */
    private static Agent1 agentOf(MockBluezBus bus) throws Exception {
        DBus dbus = bus.connection().getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        String mine = bus.connection().getUniqueName();
        String bluez = dbus.GetNameOwner("org.bluez");
        for (String name : dbus.ListNames()) {
            if (name.startsWith(":") && !name.equals(mine) && !name.equals(bluez)) {
                return bus.connection().getRemoteObject(name, PairingAgent.PATH, Agent1.class);
            }
        }
        throw new AssertionError("no camrig connection on the bus");
    }
}
