package io.camrig.http.wifi.nm;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;

/**
 * The helpers python-dbusmock's {@code networkmanager} template (0.28) adds to the {@code
 * org.freedesktop.DBus.Mock} interface of {@code /org/freedesktop}.
 */
@DBusInterfaceName("org.freedesktop.DBus.Mock")
public interface NmMockApi extends DBusInterface {
    /** Adds a Wi-Fi device {@code /org/freedesktop/NetworkManager/Devices/<deviceName>}; returns its path. */
    String AddWiFiDevice(String deviceName, String interfaceName, int state);

    String AddEthernetDevice(String deviceName, String interfaceName, int state);

    /**
     * Adds {@code /org/freedesktop/NetworkManager/AccessPoint/<apName>} to a device: mode 2 is
     * infrastructure, strength 0..100, security 0 (open) or 0x100 (WPA-PSK).
     */
    String AddAccessPoint(String devicePath, String apName, String ssid, String hwAddress, UInt32 mode,
            UInt32 frequency, UInt32 rate, byte strength, UInt32 security);

    /** Adds profile {@code /org/freedesktop/NetworkManager/Settings/<connectionName>} for a listed SSID. */
    String AddWiFiConnection(String devicePath, String connectionName, String ssid, String keyMgmt);

    /** Activates a profile: {@code /org/freedesktop/NetworkManager/ActiveConnection/<name>}, state 2 = activated. */
    String AddActiveConnection(List<String> devices, String connection, String specificObject, String name,
            UInt32 state);

    void Reset();
}
