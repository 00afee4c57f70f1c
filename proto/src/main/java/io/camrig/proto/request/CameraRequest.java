package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;

/**
 * A reassembled message a client wrote to a camera, decoded. Implementations are immutable; byte
 * arrays are copied in and out.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Command Request", "Query Request", "Protobuf".
 */
public sealed interface CameraRequest
        permits CommandRequest, SettingRequest, QueryRequest, ProtobufRequest, UnknownRequest {

    /** The characteristic the request was written to. */
    GoProUuid characteristic();

    /** The kind, as {@code camrig decode} prints it, e.g. {@code command_request}. */
    String kind();
}
