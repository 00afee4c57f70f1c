package io.camrig.proto.id;

/**
 * Protobuf feature and action ids used so far. A protobuf message starts with its feature id and
 * action id bytes. Source: Open GoPro BLE spec, "ID Tables" / "Protobuf IDs".
 */
public final class ProtobufId {
    public static final int FEATURE_NETWORK_MANAGEMENT = 0x02;
    public static final int FEATURE_COMMAND = 0xF1;
    public static final int FEATURE_SETTING = 0xF3;
    public static final int FEATURE_QUERY = 0xF5;

    /** Request: RequestSetCameraControlStatus. */
    public static final int ACTION_SET_CAMERA_CONTROL = 0x69;
    /** Response: ResponseGeneric to set camera control. */
    public static final int ACTION_SET_CAMERA_CONTROL_RESPONSE = 0xE9;

    private ProtobufId() {
    }
}
