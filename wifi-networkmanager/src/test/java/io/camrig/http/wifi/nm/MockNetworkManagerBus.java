package io.camrig.http.wifi.nm;

import io.camrig.dbus.testing.DbusMockExtension;
import java.time.Duration;
import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A private D-Bus with python-dbusmock's {@code networkmanager} template on it (process handling:
 * camrig-dbus's {@link DbusMockExtension}). Register it as a static {@code @RegisterExtension} field:
 * before the class it starts the bus and the mock and waits for {@code org.freedesktop.NetworkManager};
 * before each test it resets the mock (no devices); after the class it stops both.
 *
 * <p>The template lists devices and access points and activates every connection at once; it never
 * fails and does not check a PSK. {@link #stallActivations} replaces its {@code
 * AddAndActivateConnection} with one that leaves the activation pending, so a test can make it fail
 * the way NetworkManager would (state-change signals with a reason) or let it time out.
 *
 * <p>Missing {@code dbus-daemon} or python3-dbusmock skips the tests with a message, unless the
 * system property {@code camrig.networkmanager.required} is {@code true} (CI): then they fail.
 */
public final class MockNetworkManagerBus extends DbusMockExtension {
    /** The system property that turns a missing tool from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "camrig.networkmanager.required";
    public static final String NM = "org.freedesktop.NetworkManager";
    public static final String MANAGER_PATH = "/org/freedesktop/NetworkManager";
    public static final String SETTINGS_PATH = "/org/freedesktop/NetworkManager/Settings";
    /** The active connection {@link #stallActivations} makes. */
    public static final String PENDING_ACTIVE = "/org/freedesktop/NetworkManager/ActiveConnection/attempt";
    /** The profile {@link #stallActivations} makes. */
    public static final String PENDING_PROFILE = SETTINGS_PATH + "/attempt";
    /** {@code NM80211ApSecurityFlags} KEY_MGMT_PSK. */
    public static final int WPA_PSK = 0x100;

    /** dbus-java says at INFO which transport each connection uses; held so JUL keeps the level. */
    private static final java.util.logging.Logger DBUS_JAVA_LOG = java.util.logging.Logger.getLogger("org.freedesktop.dbus");

    static {
        DBUS_JAVA_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public MockNetworkManagerBus() {
        super("networkmanager", NM, REQUIRED_PROPERTY, "NetworkManager mock tests", "camrig-nm-");
    }

    @Override
    protected void reset() throws DBusException {
        nm().Reset();
    }

    /** Options for this bus with short time limits. */
    public NetworkManagerOptions options() {
        return NetworkManagerOptions.defaults().withDbusAddress(address())
                .withScanTimeout(Duration.ofMillis(300)).withRestoreTimeout(Duration.ofSeconds(5))
                .withCallTimeout(Duration.ofSeconds(5));
    }

    /** The template's helpers. */
    public NmMockApi nm() throws DBusException {
        return remote("/org/freedesktop", NmMockApi.class);
    }

    /** The profiles in {@code Settings.Connections}. */
    public List<String> profiles() throws DBusException {
        Object v = property(SETTINGS_PATH, NM + ".Settings", "Connections");
        return ((List<?>) v).stream().map(p -> p instanceof DBusPath d ? d.getPath() : p.toString()).toList();
    }

    /** Adds a Wi-Fi device (disconnected) and returns its path. */
    public String addWifiDevice(String name) throws DBusException {
        return nm().AddWiFiDevice(name, name, 30);
    }

    /** Adds an infrastructure AP; {@code security} 0 (open) or {@link #WPA_PSK}. */
    public String addAccessPoint(String device, String apName, String ssid, String bssid, int frequencyMhz,
            int strength, int security) throws DBusException {
        return nm().AddAccessPoint(device, apName, ssid, bssid, new UInt32(2), new UInt32(frequencyMhz),
                new UInt32(54000), (byte) strength, new UInt32(security));
    }

    /** Makes {@code ssid} (an AP already added) the device's active connection; returns the profile path. */
    public String connect(String device, String apPath, String profileName, String ssid) throws DBusException {
        String profile = nm().AddWiFiConnection(device, profileName, ssid, "wpa-psk");
        nm().AddActiveConnection(List.of(device), profile, apPath, profileName, new UInt32(2));
        return profile;
    }

    /**
     * Replaces {@code AddAndActivateConnection}: it makes profile {@link #PENDING_PROFILE} and active
     * connection {@link #PENDING_ACTIVE} (state ACTIVATING, the device in CONFIG), then runs {@code
     * pythonAfter} with {@code dev}, {@code ac} and {@code conn} in scope (before its reply), e.g. to
     * emit a failure.
     */
    public void stallActivations(String pythonAfter) throws DBusException {
        String code = String.join("\n",
                "import dbusmock",
                "dev, ap = args[1], args[2]",
                "ssid = bytes(args[0]['802-11-wireless']['ssid']).decode()",
                "conn = self.AddWiFiConnection(dev, 'attempt', ssid, '')",
                "ac = '" + PENDING_ACTIVE + "'",
                "self.AddObject(ac, 'org.freedesktop.NetworkManager.Connection.Active', {",
                "    'State': dbus.UInt32(1), 'Connection': dbus.ObjectPath(conn), 'Id': ssid, 'Uuid': 'attempt',",
                "    'Type': '802-11-wireless', 'Devices': dbus.Array([dbus.ObjectPath(dev)], signature='o'),",
                "    'SpecificObject': dbus.ObjectPath(ap), 'Default': False, 'Default6': False, 'Vpn': False,",
                "    'Master': dbus.ObjectPath('/')}, [])",
                "acs = self.Get('org.freedesktop.NetworkManager', 'ActiveConnections')",
                "acs.append(dbus.ObjectPath(ac))",
                "self.Set('org.freedesktop.NetworkManager', 'ActiveConnections', acs)",
                "d = dbusmock.get_object(dev)",
                "d.Set('org.freedesktop.NetworkManager.Device', 'ActiveConnection', dbus.ObjectPath(ac))",
                "d.Set('org.freedesktop.NetworkManager.Device', 'State', dbus.UInt32(50))",
                pythonAfter,
                "ret = (dbus.ObjectPath(conn), dbus.ObjectPath(ac))");
        mock(MANAGER_PATH).AddMethod(NM, "AddAndActivateConnection", "a{sa{sv}}oo", "oo", code);
    }

    /** Python for {@link #stallActivations}: the device emits {@code StateChanged(new, old, reason)}. */
    public static String deviceStateChanged(int newState, int oldState, int reason) {
        return "d.EmitSignal('org.freedesktop.NetworkManager.Device', 'StateChanged', 'uuu', [dbus.UInt32("
                + newState + "), dbus.UInt32(" + oldState + "), dbus.UInt32(" + reason + ")])";
    }

    /** Emits {@code StateChanged(new, old, reason)} from a device now. */
    public void emitDeviceState(String device, int newState, int oldState, int reason) throws DBusException {
        mock(device).EmitSignal(NM + ".Device", "StateChanged", "uuu", List.of(new Variant<>(new UInt32(newState)),
                new Variant<>(new UInt32(oldState)), new Variant<>(new UInt32(reason))));
    }

    /** Emits {@code PropertiesChanged} of {@code Device.Wireless.LastScan} from a device now: a scan finished. */
    public void emitScanDone(String device) throws DBusException {
        mock(device).EmitSignal("org.freedesktop.DBus.Properties", "PropertiesChanged", "sa{sv}as",
                List.of(new Variant<>(NM + ".Device.Wireless"),
                        new Variant<>(java.util.Map.of("LastScan", new Variant<>(123456L)), "a{sv}"),
                        new Variant<>(List.of(), "as")));
    }
}
