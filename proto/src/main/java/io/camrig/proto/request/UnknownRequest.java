package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.message.RawPayload;
import java.util.Objects;

/**
 * A request this version of camrig does not know: an unknown command or query id, a protobuf pair
 * without a known type, or anything written to a characteristic that carries no TLV or protobuf
 * messages. It carries the whole message so a simulator can still answer (for example with an error
 * status for {@link RawPayload#id()}).
 *
 * @param payload the characteristic it was written to and the whole message
 */
public record UnknownRequest(RawPayload payload) implements CameraRequest {
    public UnknownRequest {
        Objects.requireNonNull(payload, "payload");
    }

    /** The message {@code bytes} written to {@code characteristic}. */
    public UnknownRequest(GoProUuid characteristic, byte[] bytes) {
        this(new RawPayload(characteristic, bytes));
    }

    @Override
    public GoProUuid characteristic() {
        return payload.characteristic();
    }

    @Override
    public String kind() {
        return "unknown_request";
    }
}
