package io.camrig.dbus;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.types.Variant;

/**
 * Reads the loosely typed values dbus-java 5.2 hands back from properties, method returns and
 * signals: variants (nested any depth), unsigned numbers ({@code UInt16}/{@code UInt32}/{@code UInt64},
 * which are {@link Number}s), object paths, structs, and {@code ay}, which arrives as {@code byte[]}
 * in method returns but as {@code List<Byte>} inside {@code PropertiesChanged} variants. Every
 * method accepts a value still wrapped in a {@link Variant} and never throws: a value of the wrong
 * type gives the documented fallback ({@code null}, {@code false} or the caller's default).
 *
 * <p>Source: the D-Bus specification, "Type System" (signatures {@code y n q i u x t b s o ay a{sv}
 * (…)}); dbus-java's mapping of those types to Java.
 */
public final class DbusValues {
    private DbusValues() {
    }

    /**
     * The value inside a variant (unwrapping nested variants), or {@code value} itself when it is not
     * a variant; {@code null} for {@code null}.
     */
    public static Object unwrap(Object value) {
        Object v = value;
        while (v instanceof Variant<?> variant) {
            v = variant.getValue();
        }
        return v;
    }

    /**
     * An {@code ay} as bytes: a {@code byte[]} (returned as is, not copied), a {@code Byte[]}, or a
     * collection of numbers (each narrowed to a byte, in iteration order).
     *
     * @return the bytes; {@code null} when {@code value} is {@code null}, not a byte array or
     *     collection, or a collection with a member that is not a number
     */
    public static byte[] bytes(Object value) {
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

    /** A {@code b}: {@code true} only for {@link Boolean#TRUE}; {@code false} for anything else, {@code null} included. */
    public static boolean bool(Object value) {
        return unwrap(value) instanceof Boolean b && b;
    }

    /** An {@code s} (or any value) as its {@code toString()}; {@code null} for {@code null}. */
    public static String string(Object value) {
        Object v = unwrap(value);
        return v == null ? null : v.toString();
    }

    /**
     * An {@code o} as its path string, e.g. {@code /org/bluez/hci0}; any other non-null value as its
     * {@code toString()}; {@code null} for {@code null}.
     */
    public static String path(Object value) {
        Object v = unwrap(value);
        if (v instanceof DBusPath p) {
            return p.getPath();
        }
        return v == null ? null : v.toString();
    }

    /**
     * A D-Bus integer as an int: a {@code y} (a Java {@code Byte}) as unsigned 0..255; {@code n},
     * {@code q}, {@code i}, {@code u} (and {@code x}, {@code t}, truncated) by {@link Number#intValue()}.
     *
     * @return the int; {@code fallback} when {@code value} is not a number ({@code null} included)
     */
    public static int integer(Object value, int fallback) {
        Object v = unwrap(value);
        if (v instanceof Byte b) {
            return Byte.toUnsignedInt(b);
        }
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /**
     * One member of a struct such as {@code (uu)}, unwrapped; dbus-java delivers a struct as a
     * {@link Struct}, an {@code Object[]} or a list, all accepted.
     *
     * @param index the member's position, from 0
     * @return the member; {@code null} when {@code value} is not a struct or has no member {@code index}
     */
    public static Object member(Object value, int index) {
        Object v = unwrap(value);
        Object[] members = v instanceof Struct s ? s.getParameters()
                : v instanceof Object[] a ? a : v instanceof List<?> l ? l.toArray() : null;
        return members != null && index >= 0 && index < members.length ? unwrap(members[index]) : null;
    }

    /**
     * The properties of one interface ({@code a{sv}}, as from {@code GetAll} or
     * {@code PropertiesChanged}) with the variants unwrapped, in the map's order.
     *
     * @return a new mutable map; empty for {@code null}
     */
    public static Map<String, Object> plain(Map<String, Variant<?>> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props != null) {
            props.forEach((k, v) -> out.put(k, unwrap(v)));
        }
        return out;
    }
}
