package io.camrig.proto.catalog;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A status or setting value decoded to what its bytes say, always keeping the raw bytes (as lower
 * case hex, so values stay immutable). Produced by {@link ValueTypes}.
 *
 * <ul>
 *   <li>{@link Bool}: one byte 0 or 1 of a boolean-typed id</li>
 *   <li>{@link Unsigned}: 1, 2, 4 or 8 bytes, unsigned big-endian</li>
 *   <li>{@link Text}: UTF-8 of a string-typed id, trailing NULs dropped</li>
 *   <li>{@link Bytes}: anything else (empty, 3 bytes, 9 bytes …), shown as hex</li>
 * </ul>
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Queries" (all byte ordering big-endian).
 */
public sealed interface TypedValue permits TypedValue.Bool, TypedValue.Unsigned, TypedValue.Text, TypedValue.Bytes {

    /** The value bytes as received, lower case hex without separators. */
    String hex();

    /** The value bytes as received (a copy). */
    default byte[] raw() {
        return HexFormat.of().parseHex(hex());
    }

    /**
     * A boolean.
     *
     * @param value the value
     * @param hex   the raw byte, {@code "00"} or {@code "01"}
     */
    record Bool(boolean value, String hex) implements TypedValue {
        public Bool {
            Objects.requireNonNull(hex, "hex");
        }
    }

    /**
     * An unsigned integer of up to 64 bits.
     *
     * @param value the value; for 8-byte values above {@link Long#MAX_VALUE} the bits of the unsigned
     *              value (use {@link #bigValue()})
     * @param hex   the raw bytes
     */
    record Unsigned(long value, String hex) implements TypedValue {
        public Unsigned {
            Objects.requireNonNull(hex, "hex");
        }

        /** The value as a non-negative big integer. */
        public BigInteger bigValue() {
            return new BigInteger(Long.toUnsignedString(value));
        }

        /** The value in decimal, unsigned. */
        @Override
        public String toString() {
            return Long.toUnsignedString(value);
        }
    }

    /**
     * Text.
     *
     * @param value the decoded text
     * @param hex   the raw bytes
     */
    record Text(String value, String hex) implements TypedValue {
        public Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(hex, "hex");
        }
    }

    /**
     * Bytes with no better reading.
     *
     * @param hex the raw bytes
     */
    record Bytes(String hex) implements TypedValue {
        public Bytes {
            Objects.requireNonNull(hex, "hex");
        }
    }
}
