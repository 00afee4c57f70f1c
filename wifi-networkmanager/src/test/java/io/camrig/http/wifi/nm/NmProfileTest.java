package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

class NmProfileTest {
    @Test
    void aWpaProfileHasTheSsidAsBytesAndThePskInTheSecuritySetting() {
        Map<String, Map<String, Variant<?>>> s = NmProfile.settings("GP24500456", "kX9-pq7Lmw");

        assertThat(s).containsOnlyKeys("connection", "802-11-wireless", "802-11-wireless-security");
        assertThat(s.get("connection").get("type").getValue()).isEqualTo("802-11-wireless");
        assertThat(s.get("connection").get("autoconnect").getValue()).isEqualTo(false);
        assertThat((byte[]) s.get("802-11-wireless").get("ssid").getValue())
                .isEqualTo("GP24500456".getBytes(StandardCharsets.UTF_8));
        assertThat(s.get("802-11-wireless").get("ssid").getSig()).isEqualTo("ay");
        assertThat(s.get("802-11-wireless-security").get("key-mgmt").getValue()).isEqualTo("wpa-psk");
        assertThat(s.get("802-11-wireless-security").get("psk").getValue()).isEqualTo("kX9-pq7Lmw");
    }

    @Test
    void anOpenProfileHasNoSecuritySetting() {
        assertThat(NmProfile.settings("Open", null)).containsOnlyKeys("connection", "802-11-wireless");
    }

    @Test
    void aPassphraseIs8To63PrintableAsciiOr64Hex() {
        assertThat(NmProfile.validPsk("12345678")).isTrue();
        assertThat(NmProfile.validPsk("x".repeat(63))).isTrue();
        assertThat(NmProfile.validPsk("a1".repeat(32))).isTrue();
        assertThat(NmProfile.validPsk("1234567")).isFalse();
        assertThat(NmProfile.validPsk("g".repeat(64))).isFalse();
        assertThat(NmProfile.validPsk("pässwort1")).isFalse();
        assertThat(NmProfile.validPsk("")).isFalse();
    }
}
