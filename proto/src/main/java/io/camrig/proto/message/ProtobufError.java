package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A camera's refusal of a protobuf request that is not a protobuf message: the feature id and a
 * status byte, optionally with the action id between them.
 * <pre>
 * [feature id][status]               e.g. F1 02 on GP-0073
 * [feature id][action id][status]    e.g. F1 E9 02, when the bytes after a known pair do not parse
 * </pre>
 * The status byte reads like a TLV command status (1 error, 2 invalid parameter, …). Decoded only
 * on the characteristic where the feature's answers arrive (0xF1 on GP-0073, 0xF5 on GP-0077, 0x02
 * and 0x03 on GP-0092), so TLV messages are never mistaken for it.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Protobuf"; seen from real cameras.
 *
 * @param characteristic the characteristic it arrived on
 * @param featureId      the feature id, 0..255
 * @param actionId       the action id, when the camera sent one
 * @param status         the status byte, 0..255
 */
public record ProtobufError(GoProUuid characteristic, int featureId, OptionalInt actionId, int status)
        implements CameraMessage {
    public ProtobufError {
        Objects.requireNonNull(characteristic, "characteristic");
        Objects.requireNonNull(actionId, "actionId");
        if (featureId < 0 || featureId > 0xFF || status < 0 || status > 0xFF
                || (actionId.isPresent() && (actionId.getAsInt() < 0 || actionId.getAsInt() > 0xFF))) {
            throw new IllegalArgumentException("feature, action and status are one byte each");
        }
    }

    /** The status read as a TLV status, e.g. {@code invalid_parameter}. */
    public io.camrig.proto.id.TlvStatus tlvStatus() {
        return io.camrig.proto.id.TlvStatus.of(status);
    }

    /** The bytes as the camera sent them. */
    public byte[] encode() {
        return actionId.isPresent()
                ? new byte[] {(byte) featureId, (byte) actionId.getAsInt(), (byte) status}
                : new byte[] {(byte) featureId, (byte) status};
    }

    @Override
    public String kind() {
        return "protobuf_error";
    }
}
