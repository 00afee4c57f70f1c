package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;

/**
 * A reassembled message from a camera, decoded. Every message knows the characteristic it
 * arrived on. Implementations are immutable; byte arrays are copied in and out.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" / "Decipher Message Payload Type".
 */
public sealed interface CameraMessage
        permits CommandResponse, SettingResponse, QueryResponse, PushNotification, ProtobufMessage, ProtobufError,
        RawProtobufMessage, UnknownMessage {

    /** The characteristic the message arrived on. */
    GoProUuid characteristic();

    /** The kind, as {@code camrig decode} prints it. */
    String kind();
}
