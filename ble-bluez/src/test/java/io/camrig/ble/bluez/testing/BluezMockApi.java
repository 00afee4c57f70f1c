package io.camrig.ble.bluez.testing;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/**
 * The BlueZ-specific D-Bus interfaces of the mocked bus, as dbus-java proxies: python-dbusmock's
 * (0.28) bluez5 template's {@code org.bluez.Mock} and the helper {@link MockGoProCamera} adds, both
 * on {@code /}. The generic {@code org.freedesktop.DBus.Mock} is camrig-dbus's
 * {@link io.camrig.dbus.testing.DbusMockApi}.
 */
public final class BluezMockApi {
    private BluezMockApi() {
    }

    /** {@code org.bluez.Mock}, the bluez5 template's helpers. */
    @DBusInterfaceName("org.bluez.Mock")
    public interface BluezMock extends DBusInterface {
        String AddAdapter(String deviceName, String systemName);

        String AddDevice(String adapterName, String address, String alias);

        void PairDevice(String adapterName, String address, int deviceClass);
    }

    /** Helpers the camrig fixture adds to {@code /} (interface {@code io.camrig.Mock}). */
    @DBusInterfaceName("io.camrig.Mock")
    public interface CamrigMock extends DBusInterface {
        /** Emits {@code InterfacesAdded} for a device added with {@code AddObject}. */
        void Announce(DBusPath device);
    }
}
