package io.camrig.http.wifi.nm;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The parts of NetworkManager's D-Bus API (bus name {@code org.freedesktop.NetworkManager}, NM
 * 1.x) this backend uses, as dbus-java proxies and signals. Properties are read through
 * {@code org.freedesktop.DBus.Properties}; their names are the constants here.
 */
public final class NmApi {
    static final String BUS_NAME = "org.freedesktop.NetworkManager";
    static final String MANAGER_PATH = "/org/freedesktop/NetworkManager";
    static final String MANAGER = "org.freedesktop.NetworkManager";
    static final String DEVICE = "org.freedesktop.NetworkManager.Device";
    static final String WIRELESS = "org.freedesktop.NetworkManager.Device.Wireless";
    static final String ACCESS_POINT = "org.freedesktop.NetworkManager.AccessPoint";
    static final String ACTIVE = "org.freedesktop.NetworkManager.Connection.Active";
    static final String NO_PATH = "/";

    /** {@code NMDeviceType} of a Wi-Fi device. */
    static final int DEVICE_TYPE_WIFI = 2;

    /** {@code NMDeviceState} values the backend acts on. */
    static final int DEVICE_NEED_AUTH = 60;
    static final int DEVICE_ACTIVATED = 100;
    static final int DEVICE_FAILED = 120;

    /** {@code NMActiveConnectionState} values. */
    static final int ACTIVE_ACTIVATED = 2;
    static final int ACTIVE_DEACTIVATED = 4;

    /** {@code NM80211ApFlags} PRIVACY: the AP needs WEP or better. */
    static final int AP_FLAGS_PRIVACY = 0x1;

    private NmApi() {
    }

    /** {@code org.freedesktop.NetworkManager} on {@code /org/freedesktop/NetworkManager}. */
    @DBusInterfaceName(MANAGER)
    public interface Manager extends DBusInterface {
        List<DBusPath> GetDevices();

        /** Adds a profile from {@code settings} and activates it on {@code device}: returns (profile, active connection). */
        PathPair AddAndActivateConnection(Map<String, Map<String, Variant<?>>> settings, DBusPath device,
                DBusPath specificObject);

        DBusPath ActivateConnection(DBusPath connection, DBusPath device, DBusPath specificObject);

        void DeactivateConnection(DBusPath activeConnection);
    }

    /** The two paths {@code AddAndActivateConnection} returns. */
    public static final class PathPair extends Tuple {
        @Position(0)
        public final DBusPath path;
        @Position(1)
        public final DBusPath activeConnection;

        public PathPair(DBusPath path, DBusPath activeConnection) {
            this.path = path;
            this.activeConnection = activeConnection;
        }
    }

    /** {@code org.freedesktop.NetworkManager.Device}: its {@code StateChanged(u new, u old, u reason)}. */
    @DBusInterfaceName(DEVICE)
    public interface Device extends DBusInterface {
        /** A device's state changed; {@code reason} is an {@code NMDeviceStateReason}. */
        class StateChanged extends DBusSignal {
            public final UInt32 newState;
            public final UInt32 oldState;
            public final UInt32 reason;

            public StateChanged(String path, UInt32 newState, UInt32 oldState, UInt32 reason) throws DBusException {
                super(path, newState, oldState, reason);
                this.newState = newState;
                this.oldState = oldState;
                this.reason = reason;
            }
        }
    }

    /** {@code org.freedesktop.NetworkManager.Device.Wireless}. */
    @DBusInterfaceName(WIRELESS)
    public interface Wireless extends DBusInterface {
        /** Asks for a scan; NM answers {@code ...Device.NotAllowed} while one runs or too soon after the last. */
        void RequestScan(Map<String, Variant<?>> options);

        /** Every access point the device sees, hidden-SSID ones included. */
        List<DBusPath> GetAllAccessPoints();
    }

    /** {@code org.freedesktop.NetworkManager.Settings.Connection}: one profile. */
    @DBusInterfaceName("org.freedesktop.NetworkManager.Settings.Connection")
    public interface SettingsConnection extends DBusInterface {
        /** The profile's settings without secrets. */
        Map<String, Map<String, Variant<?>>> GetSettings();

        void Delete();
    }

    /** {@code org.freedesktop.NetworkManager.Connection.Active}: its {@code StateChanged(u state, u reason)} (NM 1.8+). */
    @DBusInterfaceName(ACTIVE)
    public interface ActiveConnection extends DBusInterface {
        /** An active connection's state changed; {@code reason} is an {@code NMActiveConnectionStateReason}. */
        class StateChanged extends DBusSignal {
            public final UInt32 state;
            public final UInt32 reason;

            public StateChanged(String path, UInt32 state, UInt32 reason) throws DBusException {
                super(path, state, reason);
                this.state = state;
                this.reason = reason;
            }
        }
    }
}
