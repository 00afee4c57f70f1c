package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BluezOptionsTest {

    @Test
    void defaultsAreHci0OnTheSystemBus() {
        BluezOptions o = BluezOptions.defaults();
        assertThat(o.adapter()).isEqualTo("hci0");
        assertThat(o.dbusAddress()).isNull();
        assertThat(o.operationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.repairStaleBonds()).isTrue();
        assertThat(o.connectBudget()).isEqualTo(Duration.ofSeconds((10 + 20 + 30 + 15 + 20) * 2));
    }

    @Test
    void withMethodsCopyAndValidate() {
        BluezOptions o = BluezOptions.defaults().withAdapter("hci1").withDbusAddress("unix:path=/tmp/bus")
                .withOperationTimeout(Duration.ofMillis(300)).withRepairStaleBonds(false);
        assertThat(o).isEqualTo(new BluezOptions("hci1", "unix:path=/tmp/bus", Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMillis(300), Duration.ofSeconds(10), false));
        assertThat(BluezOptions.defaults().withDbusAddress(" ").dbusAddress()).isNull();
        assertThatThrownBy(() -> BluezOptions.defaults().withConnectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> BluezOptions.defaults().withAdapter(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSocketOfAUnixAddressIsFound() {
        assertThat(BusSession.unixSocket("unix:path=/run/dbus/system_bus_socket"))
                .hasToString("/run/dbus/system_bus_socket");
        assertThat(BusSession.unixSocket("unix:path=/tmp/x/bus.sock,guid=0123")).hasToString("/tmp/x/bus.sock");
        assertThat(BusSession.unixSocket("tcp:host=localhost,port=1234")).isNull();
        assertThat(BusSession.unixSocket("unix:abstract=/tmp/dbus-XYZ")).isNull();
    }
}
