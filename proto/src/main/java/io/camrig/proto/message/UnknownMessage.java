package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
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
        return RawPayload.firstByte(bytes);
    }

    @Override
    public String kind() {
        return "unknown";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage u && RawPayload.equal(u.characteristic, u.bytes, characteristic, bytes);
    }

    @Override
    public int hashCode() {
        return RawPayload.hash(characteristic, bytes);
    }

    @Override
    public String toString() {
        return RawPayload.describe("UnknownMessage", characteristic, bytes);
    }
}
