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

/** The hand-written tables agree with references.json (read from {@code camrig.spec.dir}). */
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
            String pair = String.format("%s 0X%02X/0X%02X %s", r.direction() == ProtobufTypes.Direction.REQUEST
                    ? "request" : "response", r.featureId(), r.actionId(), r.messageName());
            assertThat(specPairs).as("references.json operations").contains(pair);
        }
    }

    @Test
    void protoFieldNumbersMatch() throws IOException {
        for (ProtobufTypes.Route r : ProtobufTypes.routes()) {
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
}
