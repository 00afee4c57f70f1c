package io.camrig.proto.id;

/**
 * Protobuf feature ids, and the action ids the vertical slice named. A protobuf message starts with
 * its feature id and action id bytes; every pair is in the {@link io.camrig.proto.catalog.Catalog}
 * ({@link io.camrig.proto.catalog.ProtobufTypes}). Source: Open GoPro BLE spec, "ID Tables" /
 * "Protobuf IDs"; references.json.
 */
public final class ProtobufId {
    public static final int FEATURE_NETWORK_MANAGEMENT = 0x02;
    /** Wireless management (Set Pairing State), sent on GP-0091 like network management. */
    public static final int FEATURE_WIRELESS_MANAGEMENT = 0x03;
    public static final int FEATURE_COMMAND = 0xF1;
    public static final int FEATURE_SETTING = 0xF3;
    public static final int FEATURE_QUERY = 0xF5;

    /** Request: RequestSetCameraControlStatus. */
    public static final int ACTION_SET_CAMERA_CONTROL = 0x69;
    /** Response: ResponseGeneric to set camera control. */
    public static final int ACTION_SET_CAMERA_CONTROL_RESPONSE = 0xE9;
    /** Request: RequestSetTurboActive (feature 0xF1). */
    public static final int ACTION_SET_TURBO_ACTIVE = 0x6B;
    /** Response: ResponseGeneric to set turbo active (feature 0xF1). */
    public static final int ACTION_SET_TURBO_ACTIVE_RESPONSE = 0xEB;
    /** Request: RequestClearCOHNCert (feature 0xF1). */
    public static final int ACTION_CLEAR_COHN_CERT = 0x66;
    /** Request: RequestCreateCOHNCert (feature 0xF1). */
    public static final int ACTION_CREATE_COHN_CERT = 0x67;
    /** Request: RequestReleaseNetwork (feature 0xF1; extension, not in the published spec). */
    public static final int ACTION_RELEASE_NETWORK = 0x78;
    /** Request: RequestGetCameraCapabilities (feature 0xF5; extension, not in the published spec). */
    public static final int ACTION_GET_CAMERA_CAPABILITIES = 0x6C;
    /** Request: RequestGetLastCapturedMedia (feature 0xF5). */
    public static final int ACTION_GET_LAST_CAPTURED_MEDIA = 0x6D;
    /** Response: ResponseLastCapturedMedia (feature 0xF5). */
    public static final int ACTION_GET_LAST_CAPTURED_MEDIA_RESPONSE = 0xED;
    /** Request: RequestCOHNCert (feature 0xF5). */
    public static final int ACTION_GET_COHN_CERT = 0x6E;
    /** Response: ResponseCOHNCert (feature 0xF5). */
    public static final int ACTION_GET_COHN_CERT_RESPONSE = 0xEE;
    /** Request: RequestGetCOHNStatus (feature 0xF5). */
    public static final int ACTION_GET_COHN_STATUS = 0x6F;
    /** Response and notification: NotifyCOHNStatus (feature 0xF5). */
    public static final int ACTION_COHN_STATUS_NOTIFICATION = 0xEF;

    private ProtobufId() {
    }
}
