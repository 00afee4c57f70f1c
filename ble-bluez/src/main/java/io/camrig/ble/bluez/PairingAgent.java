package io.camrig.ble.bluez;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bluez.Agent1;
import org.bluez.AgentManager1;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code org.bluez.Agent1} camrig registers before it pairs. A GoPro pairs with "Just Works"
 * (no PIN, no passkey), so the agent's capability is {@code NoInputNoOutput} and it confirms and
 * authorizes — but only for the devices camrig is connecting to ({@link #allow(String)}); every other
 * request is refused with {@code org.bluez.Error.Rejected}, so the agent never accepts a stranger's pairing. It is
 * registered with {@code AgentManager1.RegisterAgent} and not made the default agent: BlueZ asks
 * the agent of the client that called {@code Device1.Pair}, so the desktop's own agent is left alone.
 *
 * <p>Source: BlueZ {@code doc/org.bluez.Agent.rst}, {@code org.bluez.AgentManager.rst}; Open GoPro
 * BLE spec, "Finish Pairing".
 */
final class PairingAgent implements Agent1 {
    /** The object path the agent is exported at, on camrig's own connection. */
    static final String PATH = "/io/camrig/bluez/agent";
    /** Just Works only. */
    static final String CAPABILITY = "NoInputNoOutput";

    private static final Logger log = LoggerFactory.getLogger(PairingAgent.class);

    private final BusSession session;
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private boolean registered;

    PairingAgent(BusSession session) {
        this.session = session;
    }

    /** Exports and registers the agent unless it is already. Blocking. */
    synchronized void ensureRegistered() {
        if (registered) {
            return;
        }
        try {
            session.export(PATH, this);
        } catch (DBusException e) {
            throw BluezErrors.map(e, null, "export pairing agent");
        }
        try {
            session.proxy("/org/bluez", AgentManager1.class).RegisterAgent(new DBusPath(PATH), CAPABILITY);
        } catch (RuntimeException | DBusException e) {
            if (!"org.bluez.Error.AlreadyExists".equals(BluezErrors.errorName(e))) {
                session.unexport(PATH);
                throw BluezErrors.map(e, null, "register pairing agent");
            }
        }
        registered = true;
    }

    /** Unregisters and unexports the agent, if registered. Blocking; errors are logged. */
    synchronized void unregister() {
        if (!registered) {
            return;
        }
        registered = false;
        try {
            session.proxy("/org/bluez", AgentManager1.class).UnregisterAgent(new DBusPath(PATH));
        } catch (RuntimeException | DBusException e) {
            log.debug("unregistering the pairing agent failed: {}", e.toString());
        }
        session.unexport(PATH);
    }

    /** Lets the agent accept pairing requests for a device path. */
    void allow(String devicePath) {
        allowed.add(devicePath);
    }

    /** Stops accepting requests for a device path. */
    void forget(String devicePath) {
        allowed.remove(devicePath);
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void Release() {
        log.debug("BlueZ released the pairing agent");
        synchronized (this) {
            registered = false;
        }
    }

    @Override
    public String RequestPinCode(DBusPath device) {
        throw new org.bluez.Error.Rejected("camrig pairs with Just Works only; no PIN code for " + device.getPath());
    }

    @Override
    public void DisplayPinCode(DBusPath device, String pinCode) {
        requireAllowed(device, "display a PIN code");
    }

    @Override
    public UInt32 RequestPasskey(DBusPath device) {
        throw new org.bluez.Error.Rejected("camrig pairs with Just Works only; no passkey for " + device.getPath());
    }

    @Override
    public void DisplayPasskey(DBusPath device, UInt32 passkey, UInt16 entered) {
        log.debug("passkey display requested for {}", device.getPath());
    }

    @Override
    public void RequestConfirmation(DBusPath device, UInt32 passkey) {
        requireAllowed(device, "confirm pairing");
    }

    @Override
    public void RequestAuthorization(DBusPath device) {
        requireAllowed(device, "authorize pairing");
    }

    @Override
    public void AuthorizeService(DBusPath device, String uuid) {
        requireAllowed(device, "authorize service " + uuid);
    }

    @Override
    public void Cancel() {
        log.debug("BlueZ cancelled a pairing request");
    }

    private void requireAllowed(DBusPath device, String what) {
        if (!allowed.contains(device.getPath())) {
            log.info("refused to {} for {}: not a device camrig is connecting to", what, device.getPath());
            throw new org.bluez.Error.Rejected("camrig is not connecting to " + device.getPath());
        }
        log.debug("agent: {} for {}", what, device.getPath());
    }
}
