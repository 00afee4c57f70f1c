package io.camrig.ble.bluez;

import io.camrig.dbus.DbusValues;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.freedesktop.dbus.types.UInt16;

/**
 * Reads the BlueZ-specific property values: {@code Device1.UUIDs} and
 * {@code Device1.ManufacturerData}. The generic D-Bus values (variants, {@code ay}, {@code b},
 * {@code s}, integers) are camrig-dbus's {@link DbusValues}.
 */
final class BluezValues {
    private BluezValues() {
    }

    /** An {@code as} of UUID strings ({@code String[]} or a list); unparseable entries are skipped, anything else is empty. */
    static List<UUID> uuids(Object value) {
        Object v = DbusValues.unwrap(value);
        Collection<?> items = v instanceof Object[] array ? List.of(array) : v instanceof Collection<?> c ? c : List.of();
        return items.stream().map(o -> uuid(DbusValues.string(o))).filter(Objects::nonNull).toList();
    }

    /** A UUID string, or {@code null} when it is {@code null} or does not parse. */
    static UUID uuid(String s) {
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An {@code a{qv}} of manufacturer data: company id (0..65535) → bytes, in the map's order;
     * entries whose key is not a number or whose value is not an {@code ay} are skipped; empty when
     * {@code value} is not a map.
     */
    static Map<Integer, byte[]> manufacturerData(Object value) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        if (DbusValues.unwrap(value) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Object key = DbusValues.unwrap(k);
                byte[] data = DbusValues.bytes(v);
                if (data != null && key instanceof Number n) {
                    out.put(n instanceof UInt16 u ? u.intValue() : n.intValue() & 0xFFFF, data);
                }
            });
        }
        return out;
    }
}
