package io.camrig.http.wifi.nm;

import java.util.Collection;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

/**
 * Reads the loosely typed values dbus-java hands back: variants, unsigned numbers, object paths,
 * and {@code ay}, which arrives as {@code byte[]} or as a list of {@code Byte}.
 */
final class NmValues {
    private NmValues() {
    }

    /** The value inside a variant, or the object itself. */
    static Object unwrap(Object value) {
        Object v = value;
        while (v instanceof Variant<?> variant) {
            v = variant.getValue();
        }
        return v;
    }

    /** A number as an int (a byte as unsigned 0..255); -1 when {@code value} is not a number. */
    static int integer(Object value) {
        Object v = unwrap(value);
        if (v instanceof Byte b) {
            return Byte.toUnsignedInt(b);
        }
        return v instanceof Number n ? n.intValue() : -1;
    }

    /** A string, or {@code null}. */
    static String string(Object value) {
        Object v = unwrap(value);
        return v == null ? null : v.toString();
    }

    /** An object path as a string, or {@code null}. */
    static String path(Object value) {
        Object v = unwrap(value);
        if (v instanceof DBusPath p) {
            return p.getPath();
        }
        return v == null ? null : v.toString();
    }

    /** An {@code ay} as bytes; an empty array when {@code value} is not a byte array or list. */
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
                    return new byte[0];
                }
                out[i++] = n.byteValue();
            }
            return out;
        }
        return new byte[0];
    }

    /** The second member of a struct such as {@code StateReason (uu)} as an int; -1 when there is none. */
    static int second(Object value) {
        Object v = unwrap(value);
        Object[] members = v instanceof org.freedesktop.dbus.Struct s ? s.getParameters()
                : v instanceof Object[] a ? a : v instanceof java.util.List<?> l ? l.toArray() : null;
        return members != null && members.length > 1 ? integer(members[1]) : -1;
    }
}
