package io.camrig.proto.codec;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A request ready to be fragmented into packets and written: the message bytes (no packet header)
 * and the characteristic to write them to. Produced by {@link RequestEncoder}.
 *
 * @param characteristic the characteristic to write to (GP-0072, GP-0074, GP-0076 or GP-0091)
 * @param bytes          the whole message (copied in and out)
 */
public record EncodedRequest(GoProUuid characteristic, byte[] bytes) {
    public EncodedRequest {
        Objects.requireNonNull(characteristic, "characteristic");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The message length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** The characteristic the answer arrives on (GP-0073, GP-0075, GP-0077 or GP-0092). */
    public GoProUuid responseCharacteristic() {
        return characteristic.responseCharacteristic().orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedRequest r && r.characteristic == characteristic && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(characteristic, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return characteristic.label() + " " + HexFormat.of().formatHex(bytes);
    }
}
