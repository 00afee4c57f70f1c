package io.camrig.simulator.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract tests read the spec's OpenAPI 3.1 document as 3.0.3 (see {@link
 * SpecDeviations#SPEC_ADJUSTMENTS}); that is only sound while it uses no 3.1-only keyword, and
 * the validator must then really check bodies.
 */
class OpenApiVersionTest {
    private static final Set<String> ONLY_IN_31 = Set.of("const", "prefixItems", "$schema", "contentMediaType",
            "unevaluatedProperties", "dependentSchemas", "if", "then", "else", "jsonSchemaDialect", "webhooks");

    @Test
    void theDocumentUsesNoKeywordThatOpenApi30Lacks() {
        OpenApiContract contract = new OpenApiContract(SpecDirectory.openApi());
        List<String> offending = new ArrayList<>();
        walk(contract.spec(), "", offending);
        assertThat(offending).isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> offending) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String at = path + "/" + e.getKey();
                boolean inProperties = path.endsWith("/properties");
                if (!inProperties && (ONLY_IN_31.contains(e.getKey())
                        || (e.getKey().equals("type") && e.getValue().isArray()))) {
                    offending.add(at);
                }
                walk(e.getValue(), at, offending);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, offending);
            }
        }
    }

    @Test
    void bodiesAreReallyChecked() {
        OpenApiContract contract = new OpenApiContract(SpecDirectory.openApi());
        Interaction bad = new Interaction("GET", "/gopro/version", Map.of(), Map.of(), new byte[0], 200,
                Map.of("content-type", "application/json"), "{\"version\":5}".getBytes());
        assertThat(contract.validate(bad)).extracting(OpenApiContract.Finding::key)
                .contains("validation.response.body.schema.type");
    }
}
