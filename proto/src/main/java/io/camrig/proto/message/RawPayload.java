package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The whole of a message camrig could not type, or has not typed yet: the characteristic it travelled on and its bytes,
 * {@code [id][rest…]}. It is what {@link UnknownMessage} (from a camera),
 * {@link io.camrig.proto.request.UnknownRequest} (to a camera) and
 * {@link io.camrig.proto.codec.EncodedRequest} (about to be written) carry. Unlike a plain record it
 * compares, hashes and prints the bytes by content; the array is copied in and out.
 *
 * @param characteristic the characteristic the message travelled on
 * @param bytes          the whole message payload, possibly empty
 */
public record RawPayload(GoProUuid characteristic, byte[] bytes) {
    public RawPayload {
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

    /** The first byte (command, setting, query or feature id) as 0..255, or -1 for an empty payload. */
    public int id() {
        return bytes.length == 0 ? -1 : bytes[0] & 0xFF;
    }

    /** Equal when both characteristics are the same and the payloads hold the same bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RawPayload p && p.characteristic == characteristic && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(characteristic, Arrays.hashCode(bytes));
    }

    /** {@code GP-0073 5b00}: the characteristic's label and the bytes in hex. */
    @Override
    public String toString() {
        return characteristic.label() + " " + HexFormat.of().formatHex(bytes);
    }
}
