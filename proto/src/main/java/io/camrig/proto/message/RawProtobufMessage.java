package io.camrig.proto.message;

import com.google.protobuf.UnknownFieldSet;
import io.camrig.proto.gatt.GoProUuid;
import java.util.Objects;

/**
 * A protobuf message whose (feature id, action id) pair camrig's catalog does not know, for
 * example feature 0xF5, action 0xFF, which real cameras send unrequested. The feature is a known
 * protobuf feature whose answers arrive on this characteristic and the payload is valid protobuf
 * wire format, so it is kept as raw fields (field number → values) rather than as opaque bytes.
 *
 * <p>Layout: {@code [feature id][action id][serialized message…]}.
 *
 * @param characteristic the characteristic it arrived on
 * @param featureId      feature id, 0..255
 * @param actionId       action id, 0..255
 * @param fields         the payload's fields, by number, untyped (varint, fixed32, fixed64,
 *                       length-delimited, group)
 */
public record RawProtobufMessage(GoProUuid characteristic, int featureId, int actionId, UnknownFieldSet fields)
        implements CameraMessage {
    public RawProtobufMessage {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(fields, "fields");
        if (featureId < 0 || featureId > 0xFF || actionId < 0 || actionId > 0xFF) {
            throw new IllegalArgumentException("feature and action ids are bytes: " + featureId + "/" + actionId);
        }
    }

    @Override
    public String kind() {
        return "protobuf";
    }
}
