package io.camrig.proto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.proto.testutil.SpecDir;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed catalog (catalog.txtpb and the typed enums generated with it) agrees with
 * references.json, read from {@code camrig.spec.dir}: regenerate with
 * {@code proto/tools/generate_catalog.py} when this fails after a spec update.
 */
class CatalogAgainstSpecTest {
    private static JsonNode cached;

    /** Loads references.json once; skips (or fails, when required) each test if it is absent. */
    private static synchronized JsonNode references() throws IOException {
        var file = SpecDir.require("references.json");
        if (cached == null) {
            cached = new ObjectMapper().readTree(file.toFile());
        }
        return cached;
    }

    private static String snake(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    @Test
    void statusTypesAndNamesMatch() throws IOException {
        for (Map.Entry<Integer, ValueTypes.Entry> e : ValueTypes.statuses().entrySet()) {
            JsonNode spec = references().path("statuses").path(e.getKey().toString());
            assertThat(spec.isMissingNode()).as("status %d in references.json", e.getKey()).isFalse();
            assertThat(e.getValue().name()).as("status %d name", e.getKey()).isEqualTo(snake(spec.path("name").asText()));
            String type = spec.path("type").asText();
            Set<ValueType> allowed = switch (type) {
                case "boolean" -> Set.of(ValueType.BOOLEAN);
                case "enum" -> Set.of(ValueType.UINT8);
                case "integer" -> Set.of(ValueType.INTEGER, ValueType.UINT8, ValueType.UINT16, ValueType.UINT32, ValueType.UINT64);
                case "string" -> Set.of(ValueType.STRING);
                default -> Set.of();
            };
            assertThat(allowed).as("status %d is %s in the spec", e.getKey(), type).contains(e.getValue().type());
        }
    }

    @Test
    void settingFormatsAndNamesMatch() throws IOException {
        for (Map.Entry<Integer, ValueTypes.Entry> e : ValueTypes.settings().entrySet()) {
            JsonNode spec = references().path("settings").path(e.getKey().toString());
            assertThat(spec.isMissingNode()).as("setting %d in references.json", e.getKey()).isFalse();
            assertThat(e.getValue().name()).as("setting %d name", e.getKey()).isEqualTo(snake(spec.path("name").asText()));
            ValueType expected = switch (spec.path("format").asText()) {
                case "int8ub" -> ValueType.UINT8;
                case "int16ub" -> ValueType.UINT16;
                case "int32ub" -> ValueType.UINT32;
                case "int64ub" -> ValueType.UINT64;
                default -> null;
            };
            assertThat(e.getValue().type()).as("setting %d format", e.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void everyProtobufRouteIsInTheSpec() throws IOException {
        List<String> specPairs = new ArrayList<>();
        for (JsonNode op : references().path("operations")) {
            for (JsonNode m : op.path("protobufMessages")) {
                boolean request = m.path("type").asText().equals("request");
                specPairs.add((request ? "request " : "response ") + m.path("featureId").asText().toUpperCase(Locale.ROOT)
                        + "/" + m.path("actionId").asText().toUpperCase(Locale.ROOT) + " " + m.path("message").asText());
            }
        }
        for (ProtobufTypes.Route r : ProtobufTypes.routes()) {
            if (r.op().info().extension()) {
                continue;   // camrig's extensions are, by definition, not in references.json
            }
            String pair = String.format("%s 0X%02X/0X%02X %s", r.direction() == ProtobufTypes.Direction.REQUEST
                    ? "request" : "response", r.featureId(), r.actionId(), r.messageName());
            assertThat(specPairs).as("references.json operations").contains(pair);
        }
    }

    @Test
    void protoFieldNumbersMatch() throws IOException {
        for (ProtobufTypes.Route r : ProtobufTypes.routes()) {
            if (r.op().info().extension()) {
                continue;   // not in references.json; its fields come from upstream's .proto (see camrig_ext/)
            }
            JsonNode spec = references().path("protos").path(r.messageName());
            assertThat(spec.isMissingNode()).as(r.messageName()).isFalse();
            for (JsonNode field : spec.path("fields")) {
                var descriptor = r.prototype().getDescriptorForType().findFieldByName(field.path("name").asText());
                assertThat(descriptor).as("%s.%s", r.messageName(), field.path("name").asText()).isNotNull();
                assertThat(descriptor.getNumber()).isEqualTo(field.path("number").asInt());
            }
            assertThat(r.prototype().getDescriptorForType().getFields()).hasSameSizeAs(spec.path("fields"));
        }
    }

    @Test
    void everyCameraModelMatches() throws IOException {
        JsonNode cameras = references().path("cameras");
        assertThat(CameraModel.values()).hasSize(cameras.size());
        cameras.fields().forEachRemaining(e -> {
            CameraModel m = CameraModel.byName(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey()));
            assertThat(m.modelId()).as(e.getKey()).isEqualTo(e.getValue().path("id").asInt());
            assertThat(m.serialPrefix()).as(e.getKey()).isEqualTo(e.getValue().path("serial_prefix").asText());
            assertThat(m.firmwareCode()).as(e.getKey()).isEqualTo(e.getValue().path("code").asText());
        });
    }

    @Test
    void everySettingWithItsOptionsAndModelsMatches() throws IOException {
        JsonNode settings = references().path("settings");
        assertThat(Catalog.settings()).hasSize(settings.size());
        assertThat(Setting.values()).hasSize(settings.size());
        settings.fields().forEachRemaining(e -> {
            SettingInfo info = Catalog.setting(Integer.parseInt(e.getKey())).orElseThrow(() -> new AssertionError(e.getKey()));
            JsonNode spec = e.getValue();
            assertThat(info.name()).isEqualTo(spec.path("name").asText());
            assertThat(info.models()).as("models of setting %s", e.getKey()).isEqualTo(models(spec.path("cameras")));
            assertThat(info.options()).as("options of setting %s", e.getKey()).hasSize(spec.path("options").size());
            spec.path("options").fields().forEachRemaining(o -> {
                SettingOption option = info.option(Long.parseLong(o.getKey())).orElseThrow();
                assertThat(option.name()).isEqualTo(o.getValue().path("name").asText());
                assertThat(option.models()).as("models of %s", option).isEqualTo(models(o.getValue().path("cameras")));
            });
        });
    }

    @Test
    void everyStatusWithItsTypeModelsAndValuesMatches() throws IOException {
        JsonNode statuses = references().path("statuses");
        assertThat(Catalog.statuses()).hasSize(statuses.size());
        assertThat(Status.values()).hasSize(statuses.size());
        statuses.fields().forEachRemaining(e -> {
            StatusInfo info = Catalog.status(Integer.parseInt(e.getKey())).orElseThrow(() -> new AssertionError(e.getKey()));
            JsonNode spec = e.getValue();
            assertThat(info.name()).isEqualTo(spec.path("name").asText());
            assertThat(info.models()).as("models of status %s", e.getKey()).isEqualTo(models(spec.path("cameras")));
            assertThat(info.values()).as("values of status %s", e.getKey()).hasSize(spec.path("values").size());
            spec.path("values").fields().forEachRemaining(v ->
                    assertThat(info.valueName(Long.parseLong(v.getKey()))).contains(v.getValue().asText()));
        });
    }

    @Test
    void everyOperationWithItsIdsMessagesAndModelsMatches() throws IOException {
        JsonNode operations = references().path("operations");
        assertThat(Catalog.publishedOperations()).hasSize(operations.size());
        operations.fields().forEachRemaining(e -> {
            Operation op = Operation.bySpecId(e.getKey()).orElseThrow(() -> new AssertionError(e.getKey()));
            OperationInfo info = op.info();
            JsonNode spec = e.getValue();
            assertThat(info.models()).as("models of %s", op).isEqualTo(models(spec.path("cameras")));
            assertThat(info.ble()).as("%s over BLE", op).isEqualTo(spec.path("protocols").has("ble"));
            assertThat(info.http().isPresent()).as("%s over HTTP", op).isEqualTo(spec.path("protocols").has("http"));
            String type = spec.path("type").asText();
            String id = spec.path("commandId").asText();
            switch (type) {
                case "tlv" -> {
                    assertThat(info.name()).isEqualTo(spec.path("name").asText());
                    if (id.equals("SettingID")) {
                        assertThat(info.kind()).isEqualTo(OperationInfo.Kind.SETTING);
                    } else if (spec.path("tlvType").asText().equals("query")) {
                        assertThat(info.queryId()).hasValue(Integer.decode(id));
                    } else {
                        assertThat(info.commandId()).hasValue(Integer.decode(id));
                    }
                }
                case "protobuf" -> {
                    List<String> expected = new ArrayList<>();
                    spec.path("protobufMessages").forEach(m -> expected.add(Integer.decode(m.path("featureId").asText())
                            + "/" + Integer.decode(m.path("actionId").asText()) + " " + m.path("type").asText()
                            + " " + m.path("message").asText()));
                    assertThat(info.protobuf()).as("%s messages", op).extracting(p -> p.featureId() + "/" + p.actionId()
                            + " " + p.direction().name().toLowerCase(Locale.ROOT) + " " + p.message())
                            .containsExactlyElementsOf(expected);
                }
                default -> assertThat(info.kind()).isEqualTo(OperationInfo.Kind.HTTP);
            }
        });
    }

    private static Set<CameraModel> models(JsonNode names) {
        Set<CameraModel> out = java.util.EnumSet.noneOf(CameraModel.class);
        names.forEach(n -> out.add(CameraModel.byName(n.asText()).orElseThrow(() -> new AssertionError(n.asText()))));
        return out;
    }
}
