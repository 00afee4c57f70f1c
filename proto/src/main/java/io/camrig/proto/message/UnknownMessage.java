package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A message whose id this version of camrig does not know (a newer camera, an undocumented
 * operation). It carries the whole payload so nothing is lost, and never fails decoding.
 *
 * @param characteristic the characteristic it arrived on
 * @param bytes          the whole message payload
 */
public record UnknownMessage(GoProUuid characteristic, byte[] bytes) implements CameraMessage {
    public UnknownMessage {
        Objects.requireNonNull(characteristic, "characteristic");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first byte (command, query or feature id), or -1 for an empty message. */
    public int id() {
        return bytes.length == 0 ? -1 : bytes[0] & 0xFF;
    }

    @Override
    public String kind() {
        return "unknown";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage u && u.characteristic == characteristic && Arrays.equals(u.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(characteristic, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "UnknownMessage[" + characteristic.label() + " " + HexFormat.of().formatHex(bytes) + "]";
    }
}
