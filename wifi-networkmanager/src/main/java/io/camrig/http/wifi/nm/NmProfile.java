package io.camrig.http.wifi.nm;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;

/**
 * The connection profile a join hands to {@code AddAndActivateConnection}, as NetworkManager's
 * settings map ({@code a{sa{sv}}}): {@code connection} (id {@code camrig <ssid>}, type {@code
 * 802-11-wireless}, no autoconnect), {@code 802-11-wireless} (ssid as bytes, infrastructure mode)
 * and, with a password, {@code 802-11-wireless-security} (key-mgmt {@code wpa-psk}, psk).
 *
 * <p>The map holds the password: build it at the call and drop it; never log or print it.
 */
final class NmProfile {
    private NmProfile() {
    }

    /** Whether {@code password} can be a WPA2 pre-shared key: 8..63 printable ASCII characters, or 64 hex digits. */
    static boolean validPsk(String password) {
        int n = password.length();
        if (n == 64) {
            return password.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return n >= 8 && n <= 63 && password.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    /** The settings of a profile for {@code ssid}; open when {@code password} is {@code null}. */
    static Map<String, Map<String, Variant<?>>> settings(String ssid, String password) {
        Map<String, Map<String, Variant<?>>> settings = new LinkedHashMap<>();
        Map<String, Variant<?>> connection = new LinkedHashMap<>();
        connection.put("id", new Variant<>("camrig " + ssid));
        connection.put("type", new Variant<>("802-11-wireless"));
        connection.put("autoconnect", new Variant<>(Boolean.FALSE));
        settings.put("connection", connection);
        Map<String, Variant<?>> wireless = new LinkedHashMap<>();
        wireless.put("ssid", new Variant<>(ssid.getBytes(StandardCharsets.UTF_8)));
        wireless.put("mode", new Variant<>("infrastructure"));
        settings.put("802-11-wireless", wireless);
        if (password != null) {
            Map<String, Variant<?>> security = new LinkedHashMap<>();
            security.put("key-mgmt", new Variant<>("wpa-psk"));
            security.put("psk", new Variant<>(password));
            settings.put("802-11-wireless-security", security);
        }
        return settings;
    }
}
