package io.camrig.proto.pb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.camrig.proto.testutil.SpecDir;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled {@code .proto} files match references.json {@code protos} exactly: every message and
 * enum exists, proto2, with the same field names, numbers, types and modifiers, and the same enum
 * value names and numbers; nothing more.
 */
class ProtoDescriptorsAgainstSpecTest {

    private static JsonNode protos() throws IOException {
        return new ObjectMapper().readTree(SpecDir.require("references.json").toFile()).path("protos");
    }

    private static Object descriptor(String name) throws ReflectiveOperationException {
        return Class.forName("io.camrig.proto.pb." + name).getMethod("getDescriptor").invoke(null);
    }

    @Test
    void everyMessageAndEnumMatchesTheSpec() throws Exception {
        JsonNode protos = protos();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : iterable(protos)) {
            String name = e.getKey();
            JsonNode spec = e.getValue();
            Object d;
            try {
                d = descriptor(name);
            } catch (ClassNotFoundException ex) {
                problems.add(name + ": no generated type");
                continue;
            }
            if (spec.has("values")) {
                checkEnum(name, spec, (EnumDescriptor) d, problems);
            } else {
                checkMessage(name, spec, (Descriptor) d, problems);
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isEqualTo(protos.size()).isEqualTo(56);
    }

    private static void checkMessage(String name, JsonNode spec, Descriptor d, List<String> problems) {
        if (!"proto2".equals(d.getFile().toProto().getSyntax()) && !d.getFile().toProto().getSyntax().isEmpty()) {
            problems.add(name + ": not proto2");
        }
        if (d.getFields().size() != spec.path("fields").size()) {
            problems.add(name + ": " + d.getFields().size() + " fields, spec has " + spec.path("fields").size());
        }
        for (JsonNode f : spec.path("fields")) {
            String field = name + "." + f.path("name").asText();
            FieldDescriptor fd = d.findFieldByName(f.path("name").asText());
            if (fd == null) {
                problems.add(field + ": missing");
                continue;
            }
            if (fd.getNumber() != f.path("number").asInt()) {
                problems.add(field + ": number " + fd.getNumber() + ", spec " + f.path("number"));
            }
            String label = fd.isRepeated() ? "repeated" : fd.isRequired() ? "required" : "optional";
            if (!label.equals(f.path("modifier").asText())) {
                problems.add(field + ": " + label + ", spec " + f.path("modifier").asText());
            }
            if (!typeName(fd).equals(f.path("type").asText())) {
                problems.add(field + ": type " + typeName(fd) + ", spec " + f.path("type").asText());
            }
        }
    }

    private static void checkEnum(String name, JsonNode spec, EnumDescriptor d, List<String> problems) {
        if (d.getValues().size() != spec.path("values").size()) {
            problems.add(name + ": " + d.getValues().size() + " values, spec has " + spec.path("values").size());
        }
        for (JsonNode v : spec.path("values")) {
            EnumValueDescriptor vd = d.findValueByName(v.path("name").asText());
            if (vd == null || vd.getNumber() != v.path("value").asInt()) {
                problems.add(name + "." + v.path("name").asText() + ": " + (vd == null ? "missing" : vd.getNumber()));
            }
        }
    }

    private static String typeName(FieldDescriptor fd) {
        return switch (fd.getType()) {
            case MESSAGE -> fd.getMessageType().getName();
            case ENUM -> fd.getEnumType().getName();
            default -> fd.getType().name().toLowerCase();
        };
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
