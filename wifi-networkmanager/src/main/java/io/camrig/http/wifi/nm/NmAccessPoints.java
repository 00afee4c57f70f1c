package io.camrig.http.wifi.nm;

import io.camrig.dbus.DbusValues;
import io.camrig.http.wifi.WifiAccessPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.types.Variant;

/**
 * NetworkManager's {@code AccessPoint} objects as {@link WifiAccessPoint}s: {@code Ssid} ({@code
 * ay}, UTF-8 when it decodes), {@code HwAddress} (BSSID), {@code Strength} ({@code y}, 0..100 %),
 * {@code Frequency} (MHz), and secured when {@code Flags} has PRIVACY or {@code WpaFlags} /
 * {@code RsnFlags} are not 0.
 */
final class NmAccessPoints {
    /** One access point object and what it says. */
    record Entry(String path, WifiAccessPoint ap) {
    }

    private static final Comparator<WifiAccessPoint> STRONGEST_FIRST = Comparator
            .comparingInt(WifiAccessPoint::strengthPercent).reversed()
            .thenComparing(WifiAccessPoint::ssid);

    private NmAccessPoints() {
    }

    /** An access point from its properties; empty for a hidden network (no SSID). */
    static Optional<WifiAccessPoint> of(Map<String, Variant<?>> props) {
        byte[] ssid = DbusValues.bytes(props.get("Ssid"));
        if (ssid == null || ssid.length == 0) {
            return Optional.empty();
        }
        String bssid = DbusValues.string(props.get("HwAddress"));
        int strength = Math.max(0, Math.min(100, DbusValues.integer(props.get("Strength"), -1)));
        int frequency = Math.max(0, DbusValues.integer(props.get("Frequency"), -1));
        boolean secured = (DbusValues.integer(props.get("Flags"), -1) & NmApi.AP_FLAGS_PRIVACY) != 0
                || DbusValues.integer(props.get("WpaFlags"), -1) > 0 || DbusValues.integer(props.get("RsnFlags"), -1) > 0;
        return Optional.of(new WifiAccessPoint(new String(ssid, StandardCharsets.UTF_8),
                bssid == null ? "" : bssid.toLowerCase(java.util.Locale.ROOT), strength, frequency, secured));
    }

    /**
     * One access point per SSID — the strongest of those with that name (a network on several
     * BSSIDs or bands, or an AP seen twice) — strongest first, then by SSID.
     */
    static List<WifiAccessPoint> strongestPerSsid(List<WifiAccessPoint> all) {
        Map<String, WifiAccessPoint> best = new LinkedHashMap<>();
        for (WifiAccessPoint ap : all) {
            best.merge(ap.ssid(), ap, (a, b) -> b.strengthPercent() > a.strengthPercent() ? b : a);
        }
        List<WifiAccessPoint> out = new ArrayList<>(best.values());
        out.sort(STRONGEST_FIRST);
        return out;
    }

    /** The strongest entry named {@code ssid}, if any. */
    static Optional<Entry> strongest(List<Entry> entries, String ssid) {
        return entries.stream().filter(e -> e.ap().ssid().equals(ssid))
                .max(Comparator.comparingInt(e -> e.ap().strengthPercent()));
    }
}
