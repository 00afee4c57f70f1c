package io.camrig.proto.catalog;

import com.google.protobuf.TextFormat;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.pb.CatalogFile;
import io.camrig.proto.pb.CatalogOperation;
import io.camrig.proto.pb.CatalogProtobufRef;
import io.camrig.proto.pb.CatalogSetting;
import io.camrig.proto.pb.CatalogStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * status (with its type) and camera model. It is read once from the resource {@code catalog.txtpb}
 * next to this class (protobuf text format of {@code camrig_ext/catalog.proto}'s {@code CatalogFile}), which {@code proto/tools/generate_catalog.py} generates from the spec's
 * references.json and http/openapi.json; {@link Setting}, {@link Status}, {@link Operation} and
 * {@link CameraModel} are the typed keys into it.
 *
 * <p>Source: Open GoPro spec, references.json (newest, wins over the 2024 pages where they
 * disagree) and http/openapi.json.
 */
public final class Catalog {
    private static final String RESOURCE = "catalog.txtpb";

    private static final Map<Integer, SettingInfo> SETTINGS = new TreeMap<>();
    private static final Map<Integer, StatusInfo> STATUSES = new TreeMap<>();
    private static final Map<Operation, OperationInfo> OPERATIONS = new EnumMap<>(Operation.class);

    static {
        CatalogFile.Builder root = CatalogFile.newBuilder();
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + Catalog.class.getName());
            }
            TextFormat.getParser().merge(new InputStreamReader(in, StandardCharsets.UTF_8), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (CatalogSetting s : root.getSettingsList()) {
            SETTINGS.put(s.getId(), setting(s));
        }
        for (CatalogStatus s : root.getStatusesList()) {
            STATUSES.put(s.getId(), status(s));
        }
        for (CatalogOperation o : root.getOperationsList()) {
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

    private static SettingInfo setting(CatalogSetting s) {
        int id = s.getId();
        List<SettingOption> options = new ArrayList<>();
        for (var o : s.getOptionsList()) {
            options.add(new SettingOption(id, o.getValue(), o.getName(), models(o.getModelsList())));
        }
        ValueType format = switch (s.getFormat()) {
            case "uint8" -> ValueType.UINT8;
            case "uint16" -> ValueType.UINT16;
            case "uint32" -> ValueType.UINT32;
            case "uint64" -> ValueType.UINT64;
            default -> throw new IllegalStateException("setting " + id + ": unknown format " + s.getFormat());
        };
        return new SettingInfo(id, s.getKey(), s.getName(), format, models(s.getModelsList()), options);
    }

    private static StatusInfo status(CatalogStatus s) {
        int id = s.getId();
        ValueType type = switch (s.getType()) {
            case "boolean" -> ValueType.BOOLEAN;
            case "enum" -> ValueType.UINT8;
            case "integer" -> ValueType.INTEGER;
            case "string" -> ValueType.STRING;
            default -> throw new IllegalStateException("status " + id + ": unknown type " + s.getType());
        };
        return new StatusInfo(id, s.getKey(), s.getName(), type, models(s.getModelsList()), new TreeMap<>(s.getValuesMap()));
    }

    private static OperationInfo operation(CatalogOperation o) {
        Operation operation = Operation.valueOf(o.getKey());
        OperationInfo.Kind kind = OperationInfo.Kind.valueOf(o.getKind().toUpperCase());
        List<ProtobufRef> protobuf = new ArrayList<>();
        for (CatalogProtobufRef p : o.getProtobufList()) {
            protobuf.add(new ProtobufRef(p.getFeature(), p.getAction(),
                    ProtobufRef.Direction.valueOf(p.getDirection().toUpperCase()), p.getMessage()));
        }
        Optional<GoProUuid> characteristic = o.hasCharacteristic()
                ? Optional.of(GoProUuid.ofLabel(o.getCharacteristic()).orElseThrow(() ->
                        new IllegalStateException("unknown characteristic " + o.getCharacteristic())))
                : Optional.empty();
        Optional<String> http = o.hasHttp() ? Optional.of(o.getHttp()) : Optional.empty();
        return new OperationInfo(operation, o.getName(), kind,
                o.hasCommandId() ? OptionalInt.of(o.getCommandId()) : OptionalInt.empty(),
                o.hasQueryId() ? OptionalInt.of(o.getQueryId()) : OptionalInt.empty(), characteristic, protobuf,
                o.getBle(), http, models(o.getModelsList()), o.getExtension());
    }

    private static Set<CameraModel> models(List<String> names) {
        Set<CameraModel> models = EnumSet.noneOf(CameraModel.class);
        for (String name : names) {
            models.add(CameraModel.byName(name)
                    .orElseThrow(() -> new IllegalStateException("unknown camera model " + name)));
        }
        return models;
    }
}
