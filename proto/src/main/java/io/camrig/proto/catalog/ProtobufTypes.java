package io.camrig.proto.catalog;

import com.google.protobuf.Message;
import io.camrig.proto.gatt.GoProUuid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The protobuf message types behind (feature id, action id) pairs, for every protobuf message of
 * the {@link Catalog}'s operations. A message whose first two bytes are a known pair is protobuf;
 * anything else is TLV (the spec's "Decipher Message Payload Type" pseudocode).
 *
 * <p>Camera to client ({@link Direction#RESPONSE}: responses and notifications), for example
 * <pre>
 * F1 E2 E3 E4 E5 E6 E7 E9 EB F9   ResponseGeneric (set camera name … set livestream mode)
 * 03 81                           ResponseGeneric (set pairing state)
 * F5 ED  ResponseLastCapturedMedia     F5 EE  ResponseCOHNCert     F5 EF  NotifyCOHNStatus
 * F5 F2 F3  NotifyPresetStatus         F5 F4 F5  NotifyLiveStreamStatus
 * 02 82  ResponseStartScanning   02 83  ResponseGetApEntries   02 84  ResponseConnect
 * 02 85  ResponseConnectNew      02 0B  NotifStartScanning     02 0C  NotifProvisioningState
 * </pre>
 * Client to camera ({@link Direction#REQUEST}): F1 62 64 65 66 67 69 6B 79, F5 6D 6E 6F 72 74,
 * 02 02 03 04 05, 03 01. references.json is newer than the 2024 ID table and wins where they
 * disagree (Get AP Scan Results is 02 03 / 02 83 there, 02 04 / 02 84 in the table).
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
     * @param featureId    the feature id, 0..255
     * @param actionId     the action id, 0..255
     * @param direction    which way the message travels
     * @param operation    the operation, snake_case, e.g. {@code set_camera_control}
     * @param prototype    the default instance of the message type
     * @param notification {@code true} for a camera's unrequested notification
     * @param op           the catalog operation
     */
    public record Route(int featureId, int actionId, Direction direction, String operation, Message prototype,
                        boolean notification, Operation op) {
        /** The message type name, e.g. {@code ResponseGeneric}. */
        public String messageName() {
            return prototype.getDescriptorForType().getName();
        }
    }

    private static final Map<Integer, Route> RESPONSES = new LinkedHashMap<>();
    private static final Map<Integer, Route> REQUESTS = new LinkedHashMap<>();
    /** Decoding is on the hot path: responses indexed [feature][action], no boxing. */
    private static final Route[][] RESPONSE_TABLE = new Route[256][];
    /** The write characteristic of each feature's requests, indexed by feature id. */
    private static final GoProUuid[] REQUEST_CHARACTERISTIC = new GoProUuid[256];
    /** Where each feature's answers arrive, indexed by feature id. */
    private static final GoProUuid[] RESPONSE_CHARACTERISTIC = new GoProUuid[256];

    static {
        for (OperationInfo op : Catalog.operations()) {
            for (ProtobufRef ref : op.protobuf()) {
                boolean request = ref.direction() == ProtobufRef.Direction.REQUEST;
                Route route = new Route(ref.featureId(), ref.actionId(), request ? Direction.REQUEST : Direction.RESPONSE,
                        op.snakeName(), prototype(ref.message()), ref.direction() == ProtobufRef.Direction.NOTIFICATION,
                        op.operation());
                (request ? REQUESTS : RESPONSES).putIfAbsent(key(ref.featureId(), ref.actionId()), route);
            }
        }
    }

    static {
        RESPONSES.forEach((key, route) -> {
            int feature = key >> 8;
            if (RESPONSE_TABLE[feature] == null) {
                RESPONSE_TABLE[feature] = new Route[256];
            }
            RESPONSE_TABLE[feature][key & 0xFF] = route;
        });
        for (OperationInfo op : Catalog.operations()) {
            op.request().ifPresent(r -> op.characteristic().ifPresent(c -> {
                if (REQUEST_CHARACTERISTIC[r.featureId()] == null) {
                    REQUEST_CHARACTERISTIC[r.featureId()] = c;
                    RESPONSE_CHARACTERISTIC[r.featureId()] = c.responseCharacteristic().orElse(null);
                }
            }));
        }
    }

    /** The default instance of a message type of package {@code io.camrig.proto.pb}. */
    public static Message prototype(String messageName) {
        try {
            return (Message) Class.forName("io.camrig.proto.pb." + messageName).getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("no generated protobuf type " + messageName, e);
        }
    }

    /** {@code true} when some operation uses this feature id. */
    public static boolean isFeature(int featureId) {
        return REQUESTS.values().stream().anyMatch(r -> r.featureId() == featureId);
    }

    /**
     * The characteristic a feature's requests are written to: GP-0072 for 0xF1, GP-0074 for 0xF3,
     * GP-0076 for 0xF5, GP-0091 for 0x02 and 0x03 (from the catalog's operations).
     */
    public static Optional<GoProUuid> requestCharacteristic(int featureId) {
        return isByte(featureId) ? Optional.ofNullable(REQUEST_CHARACTERISTIC[featureId]) : Optional.empty();
    }

    /** Whether {@code characteristic} is where answers to {@code featureId}'s requests arrive (hot path). */
    public static boolean answersFeatureOn(int featureId, GoProUuid characteristic) {
        return isByte(featureId) && RESPONSE_CHARACTERISTIC[featureId] == characteristic;
    }

    private ProtobufTypes() {
    }

    /** The response or notification type of a pair a camera sends, when camrig knows it. */
    public static Optional<Route> response(int featureId, int actionId) {
        if (!isByte(featureId) || !isByte(actionId)) {
            return Optional.empty();
        }
        Route[] actions = RESPONSE_TABLE[featureId];
        return actions == null ? Optional.empty() : Optional.ofNullable(actions[actionId]);
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

    private static int key(int feature, int action) {
        return feature << 8 | action;
    }

    private static boolean isByte(int v) {
        return v >= 0 && v <= 0xFF;
    }
}
