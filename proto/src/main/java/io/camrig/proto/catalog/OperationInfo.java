package io.camrig.proto.catalog;

import io.camrig.proto.gatt.GoProUuid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An operation as the catalog describes it.
 *
 * <p>Source: Open GoPro BLE spec, "ID Tables"; HTTP spec (openapi.json); references.json
 * {@code operations}.
 *
 * @param operation      the typed constant
 * @param name           the spec's name, e.g. {@code "Set Shutter"}
 * @param kind           how it travels
 * @param commandId      the TLV command id of a {@link Kind#COMMAND}
 * @param queryId        the TLV query id of a {@link Kind#QUERY}
 * @param characteristic the characteristic a client writes the request to (BLE operations)
 * @param protobuf       the protobuf messages of a {@link Kind#PROTOBUF} operation
 * @param ble            {@code true} when the operation has a BLE form
 * @param http           the HTTP form: {@code "GET /gopro/version"}, {@code ""} when the spec
 *                       documents one without naming its path, empty when there is none
 * @param models         the models that support the operation
 * @param extension      {@code true} for an operation the official SDKs use that the published spec
 *                       (references.json) lacks, e.g. Release Network; its ids come from the SDKs
 */
public record OperationInfo(Operation operation, String name, Kind kind, OptionalInt commandId, OptionalInt queryId,
                            Optional<GoProUuid> characteristic, List<ProtobufRef> protobuf, boolean ble,
                            Optional<String> http, Set<CameraModel> models,
                            boolean extension) {
    /** How an operation travels. */
    public enum Kind {
        /** A TLV command on GP-0072 (Keep Alive: GP-0074). */
        COMMAND,
        /** A setting change on GP-0074. */
        SETTING,
        /** A TLV query on GP-0076. */
        QUERY,
        /** A protobuf request on GP-0072, GP-0076 or GP-0091. */
        PROTOBUF,
        /** HTTP only. */
        HTTP
    }

    public OperationInfo {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        protobuf = List.copyOf(protobuf);
        models = Catalog.modelSet(models);
    }

    /** The snake_case name, e.g. {@code set_shutter}. */
    public String snakeName() {
        return SettingOption.keyOf(name);
    }

    /** {@code true} when the model supports the operation. */
    public boolean supportedBy(CameraModel model) {
        return models.contains(model);
    }

    /** The request message of a protobuf operation. */
    public Optional<ProtobufRef> request() {
        return protobuf.stream().filter(p -> p.direction() == ProtobufRef.Direction.REQUEST).findFirst();
    }

    /** The response message of a protobuf operation. */
    public Optional<ProtobufRef> response() {
        return protobuf.stream().filter(p -> p.direction() == ProtobufRef.Direction.RESPONSE).findFirst();
    }

    /** The notification message of a protobuf operation, when it has one. */
    public Optional<ProtobufRef> notification() {
        return protobuf.stream().filter(p -> p.direction() == ProtobufRef.Direction.NOTIFICATION).findFirst();
    }

    /**
     * Checks that a model supports the operation.
     *
     * @throws OperationNotSupportedException when it does not
     */
    public void check(CameraModel model) {
        check(null, model);
    }

    /**
     * Checks that a model supports the operation, naming the camera in the error.
     *
     * @param camera the camera's name or serial, or {@code null}
     * @throws OperationNotSupportedException when it does not
     */
    public void check(String camera, CameraModel model) {
        if (!supportedBy(model)) {
            throw new OperationNotSupportedException(camera, model, operation);
        }
    }
}
