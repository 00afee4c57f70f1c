package io.camrig.cli.console;

import io.camrig.ble.bluez.BluezUnavailableException;
import io.camrig.http.wifi.HostWifiException;
import java.nio.file.AccessDeniedException;
import java.util.Optional;

/**
 * What a user can do about an error the command line could not handle: which package to install,
 * which service to start, which page to read. One short clause, appended to the error's line by
 * {@link ErrorReport}; empty when there is nothing better to say than the error itself.
 */
public final class Hints {
    /** Installing and starting BlueZ on Debian, Ubuntu and Raspberry Pi OS. */
    static final String START_BLUEZ = "install and start BlueZ: sudo apt-get install bluez && sudo systemctl start "
            + "bluetooth (see docs/bluez.md; or --dbus-address for another bus)";
    /** The same, when not even D-Bus (the system bus) is there. */
    static final String START_DBUS = "install and start D-Bus and BlueZ: sudo apt-get install dbus bluez && sudo "
            + "systemctl start dbus bluetooth (see docs/bluez.md; or --dbus-address for another bus)";
    static final String START_NM = "install and start NetworkManager: sudo apt-get install network-manager && "
            + "sudo systemctl start NetworkManager (see docs/networking.md)";

    private Hints() {
    }

    /** {@code " — <hint>"} for {@code error}, or an empty string: to append to the error's line. */
    public static String suffix(Throwable error) {
        return forError(error).map(h -> " — " + h).orElse("");
    }

    /** The hint for {@code error}, when there is one. */
    public static Optional<String> forError(Throwable error) {
        if (error instanceof BluezUnavailableException b) {
            return Optional.ofNullable(bluez(b));
        }
        if (error instanceof HostWifiException w && w.reason() == HostWifiException.Reason.UNAVAILABLE) {
            String m = String.valueOf(w.getMessage());
            return Optional.of(m.contains("no socket at") || m.contains("NetworkManager is not running")
                    ? START_NM : "see docs/networking.md");
        }
        if (error instanceof AccessDeniedException) {
            return Optional.of("permission denied: check the owner and mode of that path");
        }
        return Optional.empty();
    }

    private static String bluez(BluezUnavailableException e) {
        String name = e.dbusError().orElse("");
        String message = String.valueOf(e.getMessage());
        if (name.endsWith(".AccessDenied")) {
            return "this user may not talk to BlueZ: add it to the 'bluetooth' group or see docs/bluez.md "
                    + "(permissions)";
        }
        if (message.contains("no socket at")) {
            return START_DBUS;
        }
        if (name.endsWith(".ServiceUnknown") || name.endsWith(".NameHasNoOwner")
                || message.contains("org.bluez") || e.operation().map("open D-Bus"::equals).orElse(false)) {
            return START_BLUEZ;
        }
        if (message.contains("no Bluetooth adapter")) {
            return "plug in or enable a Bluetooth adapter (bluetoothctl list shows them)";
        }
        return null;
    }
}
