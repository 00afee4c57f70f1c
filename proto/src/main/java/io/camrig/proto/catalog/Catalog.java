package io.camrig.proto.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.proto.gatt.GoProUuid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Open GoPro protocol catalog: every operation, setting (with options and per-model support),
 * status (with its type) and camera model. It is read once from the resource {@code catalog.json}
 * next to this class, which {@code proto/tools/generate_catalog.py} generates from the spec's
 * references.json and http/openapi.json; {@link Setting}, {@link Status}, {@link Operation} and
 * {@link CameraModel} are the typed keys into it.
 *
 * <p>Source: Open GoPro spec, references.json (newest, wins over the 2024 pages where they
 * disagree) and http/openapi.json.
 */
public final class Catalog {
    private static final String RESOURCE = "catalog.json";

    private static final Map<Integer, SettingInfo> SETTINGS = new TreeMap<>();
    private static final Map<Integer, StatusInfo> STATUSES = new TreeMap<>();
    private static final Map<Operation, OperationInfo> OPERATIONS = new EnumMap<>(Operation.class);

    static {
        JsonNode root;
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + Catalog.class.getName());
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (JsonNode s : root.path("settings")) {
            SETTINGS.put(s.path("id").asInt(), setting(s));
        }
        for (JsonNode s : root.path("statuses")) {
            STATUSES.put(s.path("id").asInt(), status(s));
        }
        for (JsonNode o : root.path("operations")) {
            OperationInfo info = operation(o);
            OPERATIONS.put(info.operation(), info);
        }
    }

    private Catalog() {
    }

    /** Every setting, by id. */
    public static Map<Integer, SettingInfo> settings() {
        return Collections.unmodifiableMap(SETTINGS);
    }

    /** Every status, by id. */
    public static Map<Integer, StatusInfo> statuses() {
        return Collections.unmodifiableMap(STATUSES);
    }

    /** Every operation, in {@link Operation} order. */
    public static List<OperationInfo> operations() {
        return List.copyOf(OPERATIONS.values());
    }

    /** The operations of the published spec, without camrig's {@link OperationInfo#extension()}s. */
    public static List<OperationInfo> publishedOperations() {
        return OPERATIONS.values().stream().filter(o -> !o.extension()).toList();
    }

    /** The operations that have a BLE form. */
    public static List<OperationInfo> bleOperations() {
        return OPERATIONS.values().stream().filter(OperationInfo::ble).toList();
    }

    /** The setting with this id, when the catalog has it. */
    public static Optional<SettingInfo> setting(int id) {
        return Optional.ofNullable(SETTINGS.get(id));
    }

    /** The status with this id, when the catalog has it. */
    public static Optional<StatusInfo> status(int id) {
        return Optional.ofNullable(STATUSES.get(id));
    }

    /** An operation's description. */
    public static OperationInfo operation(Operation operation) {
        return OPERATIONS.get(operation);
    }

    /** The TLV command with this id (Keep Alive included). */
    public static Optional<OperationInfo> command(int commandId) {
        return OPERATIONS.values().stream()
                .filter(o -> o.commandId().isPresent() && o.commandId().getAsInt() == commandId).findFirst();
    }

    /** The TLV query with this id. */
    public static Optional<OperationInfo> query(int queryId) {
        return OPERATIONS.values().stream()
                .filter(o -> o.queryId().isPresent() && o.queryId().getAsInt() == queryId).findFirst();
    }

    /** An ordered, unmodifiable copy of a set of models. */
    static Set<CameraModel> modelSet(Collection<CameraModel> models) {
        return Collections.unmodifiableSet(models.isEmpty() ? EnumSet.noneOf(CameraModel.class) : EnumSet.copyOf(models));
    }

    private static SettingInfo setting(JsonNode s) {
        int id = s.path("id").asInt();
        List<SettingOption> options = new ArrayList<>();
        for (JsonNode o : s.path("options")) {
            options.add(new SettingOption(id, o.path("value").asLong(), o.path("name").asText(), models(o)));
        }
        ValueType format = switch (s.path("format").asText()) {
            case "uint8" -> ValueType.UINT8;
            case "uint16" -> ValueType.UINT16;
            case "uint32" -> ValueType.UINT32;
            case "uint64" -> ValueType.UINT64;
            default -> throw new IllegalStateException("setting " + id + ": unknown format " + s.path("format"));
        };
        return new SettingInfo(id, s.path("key").asText(), s.path("name").asText(), format, models(s), options);
    }

    private static StatusInfo status(JsonNode s) {
        int id = s.path("id").asInt();
        ValueType type = switch (s.path("type").asText()) {
            case "boolean" -> ValueType.BOOLEAN;
            case "enum" -> ValueType.UINT8;
            case "integer" -> ValueType.INTEGER;
            case "string" -> ValueType.STRING;
            default -> throw new IllegalStateException("status " + id + ": unknown type " + s.path("type"));
        };
        Map<Long, String> values = new TreeMap<>();
        s.path("values").fields().forEachRemaining(e -> values.put(Long.parseLong(e.getKey()), e.getValue().asText()));
        return new StatusInfo(id, s.path("key").asText(), s.path("name").asText(), type, models(s), values);
    }

    private static OperationInfo operation(JsonNode o) {
        Operation operation = Operation.valueOf(o.path("key").asText());
        OperationInfo.Kind kind = OperationInfo.Kind.valueOf(o.path("kind").asText().toUpperCase());
        List<ProtobufRef> protobuf = new ArrayList<>();
        for (JsonNode p : o.path("protobuf")) {
            protobuf.add(new ProtobufRef(p.path("feature").asInt(), p.path("action").asInt(),
                    ProtobufRef.Direction.valueOf(p.path("direction").asText().toUpperCase()), p.path("message").asText()));
        }
        Optional<GoProUuid> characteristic = o.hasNonNull("characteristic")
                ? Optional.of(GoProUuid.ofLabel(o.path("characteristic").asText()).orElseThrow(() ->
                        new IllegalStateException("unknown characteristic " + o.path("characteristic"))))
                : Optional.empty();
        Optional<String> http = o.hasNonNull("http") ? Optional.of(o.path("http").asText()) : Optional.empty();
        return new OperationInfo(operation, o.path("name").asText(), kind, optionalInt(o, "commandId"),
                optionalInt(o, "queryId"), characteristic, protobuf, o.path("ble").asBoolean(), http, models(o),
                o.path("extension").asBoolean(false));
    }

    private static OptionalInt optionalInt(JsonNode node, String field) {
        return node.hasNonNull(field) ? OptionalInt.of(node.path(field).asInt()) : OptionalInt.empty();
    }

    private static Set<CameraModel> models(JsonNode node) {
        Set<CameraModel> models = EnumSet.noneOf(CameraModel.class);
        for (JsonNode name : node.path("models")) {
            models.add(CameraModel.byName(name.asText())
                    .orElseThrow(() -> new IllegalStateException("unknown camera model " + name)));
        }
        return models;
    }
}
