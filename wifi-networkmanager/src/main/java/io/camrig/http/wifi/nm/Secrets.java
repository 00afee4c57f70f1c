package io.camrig.http.wifi.nm;

import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;

/**
 * Turns the error of a D-Bus call that carried a password into a {@link HostWifiException} that
 * cannot carry it: the password is masked in the message, and the original error is kept as the
 * cause only when nothing in its chain mentions the password.
 */
final class Secrets {
    static final String MASK = "******";

    private Secrets() {
    }

    static HostWifiException scrub(Throwable error, String password, String ssid, String operation) {
        String name = NmSession.errorName(error);
        String message = mask(NmSession.describe(error), password);
        boolean gone = name != null && (name.endsWith(".ServiceUnknown") || name.endsWith(".NoReply")
                || name.endsWith(".Disconnected"));
        // NetworkManager refuses a malformed key with "802-11-wireless-security.psk: property is invalid"
        // (its error names, Settings.InvalidProperty …, reach dbus-java 5.2 as a plain DBusExecutionException).
        boolean badKey = message.contains("802-11-wireless-security.psk");
        Reason reason = gone ? Reason.UNAVAILABLE : badKey ? Reason.WRONG_PASSWORD : Reason.FAILED;
        return new HostWifiException(reason, operation + " failed: " + message, ssid, operation,
                mentions(error, password) ? null : error);
    }

    static String mask(String text, String password) {
        return password == null || password.isEmpty() || text == null ? text : text.replace(password, MASK);
    }

    private static boolean mentions(Throwable error, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(password) || String.valueOf(t).contains(password)) {
                return true;
            }
        }
        return false;
    }
}
