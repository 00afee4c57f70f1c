package io.camrig.dbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

/** D-Bus values in the shapes dbus-java delivers them. */
class DbusValuesTest {

    @Test
    void anAyArrivesAsBytesOrAsAListOfBytes() {
        assertThat(DbusValues.bytes(new byte[] {1, 2})).containsExactly(1, 2);
        assertThat(DbusValues.bytes(List.of((byte) 0x02, (byte) 0x01, (byte) 0xFF))).containsExactly(0x02, 0x01, 0xFF);
        assertThat(DbusValues.bytes(new Variant<>(new byte[] {7}))).containsExactly(7);
        assertThat(DbusValues.bytes(new Byte[] {3})).containsExactly(3);
        assertThat(DbusValues.bytes(List.of())).isEmpty();
    }

    @Test
    void somethingThatIsNotAnAyGivesNull() {
        assertThat(DbusValues.bytes("text")).isNull();
        assertThat(DbusValues.bytes(List.of("a"))).isNull();
        assertThat(DbusValues.bytes(null)).isNull();
    }

    @Test
    void variantsAreUnwrappedAtAnyDepth() {
        assertThat(DbusValues.unwrap(new Variant<>(new Variant<>("x"), "v"))).isEqualTo("x");
        assertThat(DbusValues.unwrap("y")).isEqualTo("y");
        assertThat(DbusValues.unwrap(null)).isNull();
    }

    @Test
    void integersAreReadWithAByteAsUnsignedAndAFallbackForTheRest() {
        assertThat(DbusValues.integer((short) -79, 0)).isEqualTo(-79);
        assertThat(DbusValues.integer(new Variant<>(new UInt32(2_400)), -1)).isEqualTo(2_400);
        assertThat(DbusValues.integer(new UInt16(0xFFFF), -1)).isEqualTo(0xFFFF);
        assertThat(DbusValues.integer((byte) 0xC8, -1)).isEqualTo(200);
        assertThat(DbusValues.integer(null, 5)).isEqualTo(5);
        assertThat(DbusValues.integer("7", -1)).isEqualTo(-1);
    }

    @Test
    void booleansStringsAndPaths() {
        assertThat(DbusValues.bool(new Variant<>(Boolean.TRUE))).isTrue();
        assertThat(DbusValues.bool("true")).isFalse();
        assertThat(DbusValues.bool(null)).isFalse();
        assertThat(DbusValues.string(new Variant<>("GoPro 0702"))).isEqualTo("GoPro 0702");
        assertThat(DbusValues.string(null)).isNull();
        assertThat(DbusValues.path(new Variant<>(new DBusPath("/org/bluez/hci0")))).isEqualTo("/org/bluez/hci0");
        assertThat(DbusValues.path("/plain")).isEqualTo("/plain");
        assertThat(DbusValues.path(null)).isNull();
    }

    @Test
    void structMembersAreReadFromAStructAnArrayOrAList() {
        assertThat(DbusValues.member(new Single(new UInt32(7)), 0)).isEqualTo(new UInt32(7));
        assertThat(DbusValues.member(new Single(new UInt32(7)), 1)).isNull();
        assertThat(DbusValues.member(new Object[] {1, new Variant<>(2)}, 1)).isEqualTo(2);
        assertThat(DbusValues.member(List.of(1, 3), 1)).isEqualTo(3);
        assertThat(DbusValues.member(List.of(1), 1)).isNull();
        assertThat(DbusValues.member(new Object[] {1}, -1)).isNull();
        assertThat(DbusValues.member("not a struct", 0)).isNull();
    }

    @Test
    void propertiesAreUnwrappedInOrder() {
        Map<String, Variant<?>> props = new LinkedHashMap<>();
        props.put("Connected", new Variant<>(Boolean.TRUE));
        props.put("RSSI", new Variant<>((short) -60));
        assertThat(DbusValues.plain(props)).containsExactly(Map.entry("Connected", true), Map.entry("RSSI", (short) -60));
        assertThat(DbusValues.plain(null)).isEmpty();
    }

    /** A {@code (u)}. */
    public static final class Single extends Struct {
        @Position(0)
        public final UInt32 value;

        public Single(UInt32 value) {
            this.value = value;
        }
    }
}
