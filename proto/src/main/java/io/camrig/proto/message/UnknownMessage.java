package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Objects;

/**
 * A message whose id this version of camrig does not know (a newer camera, an undocumented
 * operation). It carries the whole payload so nothing is lost, and never fails decoding.
 *
 * @param payload the characteristic it arrived on and the whole message; {@link RawPayload#id()}
 *                is its command, query or feature id
 */
public record UnknownMessage(RawPayload payload) implements CameraMessage {
    public UnknownMessage {
        Objects.requireNonNull(payload, "payload");
    }

    /** The message {@code bytes} that arrived on {@code characteristic}. */
    public UnknownMessage(GoProUuid characteristic, byte[] bytes) {
        this(new RawPayload(characteristic, bytes));
    }

    @Override
    public GoProUuid characteristic() {
        return payload.characteristic();
    }

    @Override
    public String kind() {
        return "unknown";
    }
}
