package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.wifi.WifiAccessPoint;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

class NmAccessPointsTest {
    @Test
    void readsTheAccessPointProperties() {
        Map<String, Variant<?>> props = props("GP24500456", 72, 5745, 0, 0, 0x188);

        assertThat(NmAccessPoints.of(props))
                .contains(new WifiAccessPoint("GP24500456", "26:74:f7:11:22:33", 72, 5745, true));
    }

    @Test
    void securedByAnyOfPrivacyWpaOrRsnFlags() {
        assertThat(NmAccessPoints.of(props("open", 50, 2412, 0, 0, 0)).get().secured()).isFalse();
        assertThat(NmAccessPoints.of(props("wep", 50, 2412, NmApi.AP_FLAGS_PRIVACY, 0, 0)).get().secured()).isTrue();
        assertThat(NmAccessPoints.of(props("wpa", 50, 2412, 0, 0x100, 0)).get().secured()).isTrue();
        assertThat(NmAccessPoints.of(props("rsn", 50, 2412, 0, 0, 0x100)).get().secured()).isTrue();
    }

    @Test
    void strengthIsAnUnsignedByteClampedTo100AndSsidMayArriveAsAList() {
        Map<String, Variant<?>> props = props("x", 0, 2412, 0, 0, 0);
        props.put("Strength", new Variant<>((byte) 0xC8)); // 200 as an unsigned byte
        props.put("Ssid", new Variant<>(List.of((byte) 'c', (byte) 'a', (byte) 'm'), "ay"));

        WifiAccessPoint ap = NmAccessPoints.of(props).orElseThrow();

        assertThat(ap.strengthPercent()).isEqualTo(100);
        assertThat(ap.ssid()).isEqualTo("cam");
    }

    @Test
    void aHiddenNetworkIsLeftOut() {
        Map<String, Variant<?>> props = props("x", 40, 2412, 0, 0, 0);
        props.put("Ssid", new Variant<>(new byte[0]));

        assertThat(NmAccessPoints.of(props)).isEmpty();
    }

    @Test
    void keepsTheStrongestPerSsidStrongestFirstThenByName() {
        WifiAccessPoint cam24 = new WifiAccessPoint("GP1", "aa:00:00:00:00:01", 40, 2437, true);
        WifiAccessPoint cam5 = new WifiAccessPoint("GP1", "aa:00:00:00:00:02", 70, 5745, true);
        WifiAccessPoint b = new WifiAccessPoint("B", "bb:00:00:00:00:01", 55, 2412, false);
        WifiAccessPoint a = new WifiAccessPoint("A", "cc:00:00:00:00:01", 55, 2412, false);

        assertThat(NmAccessPoints.strongestPerSsid(List.of(cam24, b, cam5, a))).containsExactly(cam5, a, b);
    }

    @Test
    void picksTheStrongestEntryOfAnSsid() {
        NmAccessPoints.Entry weak = new NmAccessPoints.Entry("/ap/1",
                new WifiAccessPoint("GP1", "aa:00:00:00:00:01", 30, 2437, true));
        NmAccessPoints.Entry strong = new NmAccessPoints.Entry("/ap/2",
                new WifiAccessPoint("GP1", "aa:00:00:00:00:02", 80, 5745, true));
        NmAccessPoints.Entry other = new NmAccessPoints.Entry("/ap/3",
                new WifiAccessPoint("Home", "aa:00:00:00:00:03", 99, 5745, true));

        assertThat(NmAccessPoints.strongest(List.of(weak, strong, other), "GP1")).contains(strong);
        assertThat(NmAccessPoints.strongest(List.of(weak, other), "GP2")).isEmpty();
    }

    private static Map<String, Variant<?>> props(String ssid, int strength, int frequency, int flags, int wpa,
            int rsn) {
        Map<String, Variant<?>> p = new HashMap<>();
        p.put("Ssid", new Variant<>(ssid.getBytes(StandardCharsets.UTF_8)));
        p.put("HwAddress", new Variant<>("26:74:F7:11:22:33"));
        p.put("Strength", new Variant<>((byte) strength));
        p.put("Frequency", new Variant<>(new UInt32(frequency)));
        p.put("Flags", new Variant<>(new UInt32(flags)));
        p.put("WpaFlags", new Variant<>(new UInt32(wpa)));
        p.put("RsnFlags", new Variant<>(new UInt32(rsn)));
        return p;
    }
}
