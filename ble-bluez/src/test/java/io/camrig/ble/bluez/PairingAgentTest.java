package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;

/** The agent's decisions, without a bus. */
class PairingAgentTest {
    private static final DBusPath CAMERA = new DBusPath("/org/bluez/hci0/dev_D4_D9_19_9A_0E_6B");
    private static final DBusPath STRANGER = new DBusPath("/org/bluez/hci0/dev_11_22_33_44_55_66");

    @Test
    void acceptsJustWorksOnlyForAllowedDevices() {
        PairingAgent agent = new PairingAgent(null);
        assertThatThrownBy(() -> agent.RequestConfirmation(CAMERA, new UInt32(0))).isInstanceOf(org.bluez.Error.Rejected.class);
        agent.allow(CAMERA.getPath());
        assertThatCode(() -> agent.RequestConfirmation(CAMERA, new UInt32(0))).doesNotThrowAnyException();
        assertThatCode(() -> agent.RequestAuthorization(CAMERA)).doesNotThrowAnyException();
        assertThatCode(() -> agent.AuthorizeService(CAMERA, "0000fea6-0000-1000-8000-00805f9b34fb"))
                .doesNotThrowAnyException();
        assertThatCode(() -> agent.DisplayPasskey(CAMERA, new UInt32(1), new UInt16(0))).doesNotThrowAnyException();
        assertThatThrownBy(() -> agent.RequestAuthorization(STRANGER)).isInstanceOf(org.bluez.Error.Rejected.class);
        assertThatThrownBy(() -> agent.RequestPinCode(CAMERA)).isInstanceOf(org.bluez.Error.Rejected.class);
        assertThatThrownBy(() -> agent.RequestPasskey(CAMERA)).isInstanceOf(org.bluez.Error.Rejected.class);
        agent.forget(CAMERA.getPath());
        assertThatThrownBy(() -> agent.RequestAuthorization(CAMERA)).isInstanceOf(org.bluez.Error.Rejected.class);
    }
}
