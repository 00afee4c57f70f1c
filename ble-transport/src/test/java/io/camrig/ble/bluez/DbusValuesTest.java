package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

/** BlueZ property values as dbus-java delivers them. */
class DbusValuesTest {

    @Test
    void anAyArrivesAsBytesOrAsAListOfBytes() {
        assertThat(DbusValues.bytes(new byte[] {1, 2})).containsExactly(1, 2);
        assertThat(DbusValues.bytes(List.of((byte) 0x02, (byte) 0x01, (byte) 0xFF))).containsExactly(0x02, 0x01, 0xFF);
        assertThat(DbusValues.bytes(new Variant<>(new byte[] {7}))).containsExactly(7);
        assertThat(DbusValues.bytes(new Byte[] {3})).containsExactly(3);
        assertThat(DbusValues.bytes("text")).isNull();
        assertThat(DbusValues.bytes(List.of("a"))).isNull();
    }

    @Test
    void manufacturerDataIsKeyedByCompanyId() {
        Map<Integer, byte[]> data = DbusValues.manufacturerData(Map.of(new UInt16(0x02F2), new Variant<>(new byte[] {1, 2})));
        assertThat(data).containsOnlyKeys(0x02F2);
        assertThat(data.get(0x02F2)).containsExactly(1, 2);
    }

    @Test
    void uuidsSkipWhatDoesNotParse() {
        assertThat(DbusValues.uuids(new String[] {"0000fea6-0000-1000-8000-00805f9b34fb", "junk"}))
                .containsExactly(UUID.fromString("0000fea6-0000-1000-8000-00805f9b34fb"));
        assertThat(DbusValues.uuids(List.of("0000fea6-0000-1000-8000-00805f9b34fb"))).hasSize(1);
        assertThat(DbusValues.uuids(null)).isEmpty();
        assertThat(DbusValues.int16((short) -79, 0)).isEqualTo(-79);
        assertThat(DbusValues.int16(null, 5)).isEqualTo(5);
    }
}
