package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Value semantics for records that carry a characteristic and a raw payload (unknown messages and
 * requests): records compare arrays by reference, these helpers compare them by content.
 */
public final class RawPayload {
    private RawPayload() {
    }

    /** The first byte (command, setting, query or feature id) as 0..255, or -1 for an empty payload. */
    public static int firstByte(byte[] bytes) {
        return bytes.length == 0 ? -1 : bytes[0] & 0xFF;
    }

    /** Equal when both characteristics are the same and the payloads hold the same bytes. */
    public static boolean equal(GoProUuid a, byte[] aBytes, GoProUuid b, byte[] bBytes) {
        return a == b && Arrays.equals(aBytes, bBytes);
    }

    /** A hash consistent with {@link #equal}. */
    public static int hash(GoProUuid characteristic, byte[] bytes) {
        return Objects.hash(characteristic, Arrays.hashCode(bytes));
    }

    /** {@code Type[GP-0073 5b00]}. */
    public static String describe(String type, GoProUuid characteristic, byte[] bytes) {
        return type + "[" + characteristic.label() + " " + HexFormat.of().formatHex(bytes) + "]";
    }
}
