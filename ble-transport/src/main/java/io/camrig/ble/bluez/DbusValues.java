package io.camrig.ble.bluez;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;

/**
 * Reads the loosely typed values of BlueZ's properties. dbus-java delivers an {@code ay} as
 * {@code byte[]} in method returns but as {@code List<Byte>} inside {@code PropertiesChanged}
 * variants; both are accepted everywhere here.
 */
final class DbusValues {
    private DbusValues() {
    }

    /** The value inside a variant, or the object itself. */
    static Object unwrap(Object value) {
        Object v = value;
        while (v instanceof Variant<?> variant) {
            v = variant.getValue();
        }
        return v;
    }

    /** An {@code ay} as bytes; {@code null} when {@code value} is not a byte array or list. */
    static byte[] bytes(Object value) {
        Object v = unwrap(value);
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof Byte[] boxed) {
            byte[] out = new byte[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                out[i] = boxed[i];
            }
            return out;
        }
        if (v instanceof Collection<?> list) {
            byte[] out = new byte[list.size()];
            int i = 0;
            for (Object o : list) {
                if (!(unwrap(o) instanceof Number n)) {
                    return null;
                }
                out[i++] = n.byteValue();
            }
            return out;
        }
        return null;
    }

    static boolean bool(Object value) {
        return unwrap(value) instanceof Boolean b && b;
    }

    /** A string, or {@code null}. */
    static String string(Object value) {
        Object v = unwrap(value);
        return v == null ? null : v.toString();
    }

    /** An {@code as} of UUID strings; unparseable entries are skipped. */
    static List<UUID> uuids(Object value) {
        Object v = unwrap(value);
        Collection<?> items = v instanceof Object[] array ? List.of(array) : v instanceof Collection<?> c ? c : List.of();
        return items.stream().map(o -> uuid(string(o))).filter(java.util.Objects::nonNull).toList();
    }

    /** A UUID string, or {@code null} when it does not parse. */
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

    /** An {@code a{qv}} of manufacturer data: company id → bytes. */
    static Map<Integer, byte[]> manufacturerData(Object value) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        if (unwrap(value) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Object key = unwrap(k);
                byte[] data = bytes(v);
                if (data != null && key instanceof Number n) {
                    out.put(n instanceof UInt16 u ? u.intValue() : n.intValue() & 0xFFFF, data);
                }
            });
        }
        return out;
    }

    /** An {@code n} (int16) such as RSSI, or {@code fallback}. */
    static int int16(Object value, int fallback) {
        return unwrap(value) instanceof Number n ? n.intValue() : fallback;
    }

    /** Properties of one interface with the variants unwrapped. */
    static Map<String, Object> plain(Map<String, Variant<?>> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props != null) {
            props.forEach((k, v) -> out.put(k, unwrap(v)));
        }
        return out;
    }
}
