package io.camrig.proto.catalog;

import com.google.protobuf.Message;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.RequestClearCOHNCert;
import io.camrig.proto.pb.RequestCOHNCert;
import io.camrig.proto.pb.RequestCreateCOHNCert;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.RequestGetLastCapturedMedia;
import io.camrig.proto.pb.RequestSetCameraControlStatus;
import io.camrig.proto.pb.RequestSetTurboActive;
import io.camrig.proto.pb.ResponseCOHNCert;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.proto.pb.ResponseLastCapturedMedia;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protobuf message types behind (feature id, action id) pairs, for the pairs camrig has
 * {@code .proto} types for. A message whose first two bytes are a known pair is protobuf; anything
 * else is TLV (the spec's "Decipher Message Payload Type" pseudocode).
 *
 * <p>Camera to client ({@link Direction#RESPONSE}, responses and notifications):
 * <pre>
 * F1 E2 E3 E4 E5 E6 E7 E9 EB F9   ResponseGeneric (set camera name, preset visibility, update custom
 *                                 preset, set COHN setting, clear / create COHN cert, set camera control,
 *                                 set turbo transfer, set livestream mode)
 * F5 ED                           ResponseLastCapturedMedia
 * F5 EE                           ResponseCOHNCert
 * F5 EF                           NotifyCOHNStatus (response and notification)
 * </pre>
 * Client to camera ({@link Direction#REQUEST}):
 * <pre>
 * F1 66 RequestClearCOHNCert      F1 67 RequestCreateCOHNCert    F1 69 RequestSetCameraControlStatus
 * F1 6B RequestSetTurboActive     F5 6D RequestGetLastCapturedMedia
 * F5 6E RequestCOHNCert           F5 6F RequestGetCOHNStatus
 * </pre>
 * F1 E2 and F1 E3 come from references.json (newer than the 2024 ID table).
 *
 * <p>Source: Open GoPro BLE spec, "ID Tables" / "Protobuf IDs"; references.json
 * {@code operations[*].protobufMessages}.
 */
public final class ProtobufTypes {
    /** Which way a message travels. */
    public enum Direction {
        /** Client to camera. */
        REQUEST,
        /** Camera to client: a response or a notification. */
        RESPONSE
    }

    /**
     * One row of the table.
     *
     * @param featureId the feature id, 0..255
     * @param actionId  the action id, 0..255
     * @param direction which way the message travels
     * @param operation the operation, snake_case, e.g. {@code set_camera_control}
     * @param prototype the default instance of the message type
     */
    public record Route(int featureId, int actionId, Direction direction, String operation, Message prototype) {
        /** The message type name, e.g. {@code ResponseGeneric}. */
        public String messageName() {
            return prototype.getDescriptorForType().getName();
        }
    }

    private static final Map<Integer, Route> RESPONSES = new LinkedHashMap<>();
    private static final Map<Integer, Route> REQUESTS = new LinkedHashMap<>();

    static {
        int cmd = ProtobufId.FEATURE_COMMAND;
        int query = ProtobufId.FEATURE_QUERY;
        Message generic = ResponseGeneric.getDefaultInstance();
        response(cmd, 0xE2, "set_camera_name", generic);
        response(cmd, 0xE3, "set_preset_visibility", generic);
        response(cmd, 0xE4, "update_custom_preset", generic);
        response(cmd, 0xE5, "set_cohn_setting", generic);
        response(cmd, 0xE6, "clear_cohn_cert", generic);
        response(cmd, 0xE7, "create_cohn_cert", generic);
        response(cmd, ProtobufId.ACTION_SET_CAMERA_CONTROL_RESPONSE, "set_camera_control", generic);
        response(cmd, ProtobufId.ACTION_SET_TURBO_ACTIVE_RESPONSE, "set_turbo_transfer", generic);
        response(cmd, 0xF9, "set_livestream_mode", generic);
        response(query, ProtobufId.ACTION_GET_LAST_CAPTURED_MEDIA_RESPONSE, "get_last_captured_media",
                ResponseLastCapturedMedia.getDefaultInstance());
        response(query, ProtobufId.ACTION_GET_COHN_CERT_RESPONSE, "get_cohn_cert", ResponseCOHNCert.getDefaultInstance());
        response(query, ProtobufId.ACTION_COHN_STATUS_NOTIFICATION, "get_cohn_status", NotifyCOHNStatus.getDefaultInstance());

        request(cmd, ProtobufId.ACTION_CLEAR_COHN_CERT, "clear_cohn_cert", RequestClearCOHNCert.getDefaultInstance());
        request(cmd, ProtobufId.ACTION_CREATE_COHN_CERT, "create_cohn_cert", RequestCreateCOHNCert.getDefaultInstance());
        request(cmd, ProtobufId.ACTION_SET_CAMERA_CONTROL, "set_camera_control",
                RequestSetCameraControlStatus.getDefaultInstance());
        request(cmd, ProtobufId.ACTION_SET_TURBO_ACTIVE, "set_turbo_transfer", RequestSetTurboActive.getDefaultInstance());
        request(query, ProtobufId.ACTION_GET_LAST_CAPTURED_MEDIA, "get_last_captured_media",
                RequestGetLastCapturedMedia.getDefaultInstance());
        request(query, ProtobufId.ACTION_GET_COHN_CERT, "get_cohn_cert", RequestCOHNCert.getDefaultInstance());
        request(query, ProtobufId.ACTION_GET_COHN_STATUS, "get_cohn_status", RequestGetCOHNStatus.getDefaultInstance());
    }

    private ProtobufTypes() {
    }

    /** The response or notification type of a pair a camera sends, when camrig knows it. */
    public static Optional<Route> response(int featureId, int actionId) {
        if (!isByte(featureId) || !isByte(actionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(RESPONSES.get(key(featureId, actionId)));
    }

    /** The request type of a pair a client sends, when camrig knows it. */
    public static Optional<Route> request(int featureId, int actionId) {
        if (!isByte(featureId) || !isByte(actionId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(REQUESTS.get(key(featureId, actionId)));
    }

    /** Every route, responses first, for tests and documentation. */
    public static List<Route> routes() {
        List<Route> all = new ArrayList<>(RESPONSES.values());
        all.addAll(REQUESTS.values());
        return List.copyOf(all);
    }

    private static void response(int feature, int action, String operation, Message prototype) {
        RESPONSES.put(key(feature, action), new Route(feature, action, Direction.RESPONSE, operation, prototype));
    }

    private static void request(int feature, int action, String operation, Message prototype) {
        REQUESTS.put(key(feature, action), new Route(feature, action, Direction.REQUEST, operation, prototype));
    }

    private static int key(int feature, int action) {
        return feature << 8 | action;
    }

    private static boolean isByte(int v) {
        return v >= 0 && v <= 0xFF;
    }
}
