package io.camrig.proto.catalog;

import java.util.Objects;

/**
 * One protobuf message of an operation: its feature and action ids, which way it travels, and its
 * type name in camrig's {@code .proto} files (package {@code io.camrig.proto.pb}).
 *
 * <p>Source: Open GoPro BLE spec, "ID Tables" / "Protobuf IDs"; references.json
 * {@code operations[*].protobufMessages}.
 *
 * @param featureId feature id, 0..255
 * @param actionId  action id, 0..255
 * @param direction request (client to camera), response or notification (camera to client)
 * @param message   the message type, e.g. {@code RequestSetCameraControlStatus}
 */
public record ProtobufRef(int featureId, int actionId, Direction direction, String message) {
    /** Which way a protobuf message travels. */
    public enum Direction {
        /** Client to camera. */
        REQUEST,
        /** Camera to client, answering a request. */
        RESPONSE,
        /** Camera to client, unrequested (after a registration). */
        NOTIFICATION
    }

    public ProtobufRef {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(message, "message");
        if (featureId < 0 || featureId > 0xFF || actionId < 0 || actionId > 0xFF) {
            throw new IllegalArgumentException("feature and action ids are one byte, got " + featureId + "/" + actionId);
        }
    }
}
