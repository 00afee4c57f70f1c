package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.wifi.HostWifiException.Reason;
import org.junit.jupiter.api.Test;

class NmReasonsTest {
    @Test
    void namesNetworkManagersDeviceReasons() {
        assertThat(NmReasons.deviceName(7)).isEqualTo("NO_SECRETS (7)");
        assertThat(NmReasons.deviceName(8)).isEqualTo("SUPPLICANT_DISCONNECT (8)");
        assertThat(NmReasons.deviceName(11)).isEqualTo("SUPPLICANT_TIMEOUT (11)");
        assertThat(NmReasons.deviceName(17)).isEqualTo("DHCP_FAILED (17)");
        assertThat(NmReasons.deviceName(36)).isEqualTo("REMOVED (36)");
        assertThat(NmReasons.deviceName(53)).isEqualTo("SSID_NOT_FOUND (53)");
        assertThat(NmReasons.deviceName(60)).isEqualTo("NEW_ACTIVATION (60)");
        assertThat(NmReasons.deviceName(67)).isEqualTo("PEER_NOT_FOUND (67)");
        assertThat(NmReasons.deviceName(400)).isEqualTo("REASON_400 (400)");
    }

    @Test
    void namesActiveConnectionReasons() {
        assertThat(NmReasons.activeName(9)).isEqualTo("NO_SECRETS (9)");
        assertThat(NmReasons.activeName(14)).isEqualTo("DEVICE_REMOVED (14)");
    }

    @Test
    void mapsReasonsToWhyTheLinkIsNotUp() {
        assertThat(NmReasons.ofDevice(7)).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(NmReasons.ofDevice(8)).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(NmReasons.ofDevice(53)).isEqualTo(Reason.NETWORK_NOT_FOUND);
        assertThat(NmReasons.ofDevice(17)).isEqualTo(Reason.FAILED);
        assertThat(NmReasons.ofActive(9)).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(NmReasons.ofActive(6)).isEqualTo(Reason.FAILED);
        assertThat(NmReasons.refusedOnNeedAuth(8)).isTrue();
        assertThat(NmReasons.refusedOnNeedAuth(0)).isFalse();
    }
}
