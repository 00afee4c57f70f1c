package io.camrig.proto.request;

import com.google.protobuf.Message;
import io.camrig.proto.gatt.GoProUuid;
import java.util.Objects;

/**
 * A protobuf request: {@code [feature id][action id][serialized message…]}, parsed into the type the
 * Protobuf IDs table names for the pair. Written to GP-0072 (feature 0xF1), GP-0076 (0xF5) or GP-0091
 * (0x02).
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Protobuf"; "ID Tables" / "Protobuf IDs".
 *
 * @param characteristic the characteristic it was written to
 * @param featureId      feature id, 0..255
 * @param actionId       action id, 0..255
 * @param message        the parsed message (required fields may be missing; check
 *                       {@code message.isInitialized()})
 */
public record ProtobufRequest(GoProUuid characteristic, int featureId, int actionId, Message message)
        implements CameraRequest {
    public ProtobufRequest {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(message, "message");
        if (featureId < 0 || featureId > 0xFF || actionId < 0 || actionId > 0xFF) {
            throw new IllegalArgumentException("feature and action ids are one byte, got " + featureId + "/" + actionId);
        }
    }

    /** The message type name, e.g. {@code RequestSetCameraControlStatus}. */
    public String name() {
        return message.getDescriptorForType().getName();
    }

    @Override
    public String kind() {
        return "protobuf_request";
    }
}
