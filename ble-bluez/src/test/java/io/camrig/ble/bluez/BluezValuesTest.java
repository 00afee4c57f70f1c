package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

/** BlueZ-specific property values as dbus-java delivers them. */
class BluezValuesTest {

    @Test
    void manufacturerDataIsKeyedByCompanyId() {
        Map<Integer, byte[]> data = BluezValues.manufacturerData(Map.of(new UInt16(0x02F2), new Variant<>(new byte[] {1, 2})));
        assertThat(data).containsOnlyKeys(0x02F2);
        assertThat(data.get(0x02F2)).containsExactly(1, 2);
        assertThat(BluezValues.manufacturerData(Map.of(new UInt16(1), new Variant<>("not bytes")))).isEmpty();
        assertThat(BluezValues.manufacturerData(null)).isEmpty();
    }

    @Test
    void uuidsSkipWhatDoesNotParse() {
        assertThat(BluezValues.uuids(new String[] {"0000fea6-0000-1000-8000-00805f9b34fb", "junk"}))
                .containsExactly(UUID.fromString("0000fea6-0000-1000-8000-00805f9b34fb"));
        assertThat(BluezValues.uuids(List.of("0000fea6-0000-1000-8000-00805f9b34fb"))).hasSize(1);
        assertThat(BluezValues.uuids(null)).isEmpty();
        assertThat(BluezValues.uuid(null)).isNull();
    }
}
