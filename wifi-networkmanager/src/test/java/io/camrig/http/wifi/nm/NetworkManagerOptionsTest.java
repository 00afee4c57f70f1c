package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkManagerOptionsTest {
    @Test
    void defaultsToTheSystemBusAndTheFirstWifiDevice() {
        NetworkManagerOptions o = NetworkManagerOptions.defaults();

        assertThat(o.dbusAddress()).isNull();
        assertThat(o.interfaceName()).isNull();
        assertThat(o.scanTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.withInterfaceName("wlan1").withScanTimeout(Duration.ofSeconds(3)))
                .isEqualTo(new NetworkManagerOptions(null, "wlan1", Duration.ofSeconds(3), o.restoreTimeout(),
                        o.callTimeout()));
    }

    @Test
    void refusesTimeLimitsThatAreNotPositiveAndABlankInterface() {
        NetworkManagerOptions o = NetworkManagerOptions.defaults();

        assertThatThrownBy(() -> o.withScanTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scanTimeout");
        assertThatThrownBy(() -> o.withRestoreTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withCallTimeout(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> o.withInterfaceName(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
