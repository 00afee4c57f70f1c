package io.camrig.proto.message;

import com.google.protobuf.Message;
import io.camrig.proto.gatt.GoProUuid;
import java.util.Objects;

/**
 * A protobuf message: {@code [feature id][action id][serialized message…]}, with the message
 * parsed into the type the spec's Protobuf IDs table names for that feature and action.
 *
 * @param characteristic the characteristic it arrived on
 * @param featureId      feature id, 0..255
 * @param actionId       action id, 0..255
 * @param message        the parsed message
 */
public record ProtobufMessage(GoProUuid characteristic, int featureId, int actionId, Message message)
        implements CameraMessage {
    public ProtobufMessage {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(message, "message");
    }

    /** The spec's name of the message type, e.g. {@code ResponseGeneric}. */
    public String name() {
        return message.getDescriptorForType().getName();
    }

    @Override
    public String kind() {
        return "protobuf";
    }
}
