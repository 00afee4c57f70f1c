package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.RawPayload;
import java.util.Objects;

/**
 * A request this version of camrig does not know: an unknown command or query id, a protobuf pair
 * without a known type, or anything written to a characteristic that carries no TLV or protobuf
 * messages. It carries the whole message so a simulator can still answer (for example with an error
 * status for {@link #id()}).
 *
 * @param characteristic the characteristic it was written to
 * @param bytes          the whole message
 */
public record UnknownRequest(GoProUuid characteristic, byte[] bytes) implements CameraRequest {
    public UnknownRequest {
        Objects.requireNonNull(characteristic, "characteristic");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first byte (command, setting, query or feature id), or -1 for an empty message. */
    public int id() {
        return RawPayload.firstByte(bytes);
    }

    @Override
    public String kind() {
        return "unknown_request";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRequest u && RawPayload.equal(u.characteristic, u.bytes, characteristic, bytes);
    }

    @Override
    public int hashCode() {
        return RawPayload.hash(characteristic, bytes);
    }

    @Override
    public String toString() {
        return RawPayload.describe("UnknownRequest", characteristic, bytes);
    }
}
