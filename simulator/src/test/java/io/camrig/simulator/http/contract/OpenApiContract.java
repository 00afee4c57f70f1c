package io.camrig.simulator.http.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open GoPro {@code openapi.json} as a validator of recorded {@link Interaction}s (Atlassian's
 * swagger-request-validator), after the adjustments listed in {@link
 * SpecDeviations#SPEC_ADJUSTMENTS}; messages a {@link SpecDeviations.Deviation} tolerates are set
 * aside with their deviation.
 */
final class OpenApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SETTING_PATH = "/gopro/camera/setting";
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "text/plain");

    /** What validating one interaction found. */
    record Finding(Interaction interaction, String key, String message, SpecDeviations.Deviation tolerated) {
        @Override
        public String toString() {
            return interaction + ": " + key + ": " + message
                    + (tolerated == null ? "" : " (tolerated: " + tolerated.id() + ")");
        }
    }

    private final JsonNode spec;
    private final Map<Integer, Set<Integer>> settingOptions = new LinkedHashMap<>();
    private final OpenApiInteractionValidator validator;

    OpenApiContract(Path openApiJson) {
        try {
            this.spec = MAPPER.readTree(openApiJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode adjusted = spec.deepCopy();
        adjusted.put("openapi", "3.0.3");
        ((ObjectNode) adjusted.get("info")).remove("summary");     // 3.1 metadata, unknown to 3.0
        mergeSettingPaths((ObjectNode) adjusted.get("paths"));
        try {
            this.validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(MAPPER.writeValueAsString(adjusted)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec as loaded (unadjusted). */
    JsonNode spec() {
        return spec;
    }

    /** Setting id → the option ids its enum allows (absent for free integers). */
    Map<Integer, Set<Integer>> settingOptions() {
        return settingOptions;
    }

    /** Every path and method the spec lists, as {@code "METHOD /path"} (settings merged). */
    List<String> operations() {
        List<String> out = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            String path = p.getKey().startsWith(SETTING_PATH + "?") ? SETTING_PATH : p.getKey();
            String op = m.toUpperCase() + " " + path;
            if (!out.contains(op)) {
                out.add(op);
            }
        }));
        return out;
    }

    private void mergeSettingPaths(ObjectNode paths) {
        ObjectNode merged = null;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(SETTING_PATH + "?setting=")) {
                continue;
            }
            JsonNode get = paths.get(key).get("get");
            int id = Integer.parseInt(key.substring(key.indexOf('=') + 1));
            JsonNode schema = get.path("parameters").get(0).path("schema");
            if (schema.has("enum")) {
                Set<Integer> options = new java.util.TreeSet<>();
                schema.get("enum").forEach(v -> options.add(v.asInt()));
                settingOptions.put(id, options);
            }
            if (merged == null) {
                merged = get.deepCopy();
                merged.put("operationId", "GPCAMERA_CHANGE_SETTING");
                ArrayNode params = merged.putArray("parameters");
                for (String name : new String[] {"setting", "option"}) {
                    ObjectNode p = params.addObject();
                    p.put("in", "query").put("name", name).put("required", true);
                    p.putObject("schema").put("type", "integer");
                }
            }
            it.remove();
        }
        paths.putObject(SETTING_PATH).set("get", merged);
    }

    /** Validates one interaction: every message, tolerated ones marked with their deviation. */
    List<Finding> validate(Interaction i) {
        SimpleRequest.Builder req = new SimpleRequest.Builder(Request.Method.valueOf(i.method()), i.path());
        i.query().forEach(req::withQueryParam);
        i.requestHeaders().forEach((k, v) -> req.withHeader(k, v));
        if (i.requestBody().length > 0) {
            req.withBody(new String(i.requestBody(), StandardCharsets.UTF_8));
        }
        SimpleResponse.Builder res = SimpleResponse.Builder.status(i.status());
        i.responseHeaders().forEach((k, v) -> res.withHeader(k, v));
        String type = i.responseHeaders().getOrDefault("content-type", "");
        if (!type.isEmpty()) {
            res.withContentType(type);
        }
        if (i.responseBody().length > 0) {
            if (TEXT_TYPES.stream().anyMatch(type::startsWith)) {
                res.withBody(new String(i.responseBody(), StandardCharsets.UTF_8));
            } else {
                res.withBody(i.responseBody());
            }
        }
        ValidationReport report = validator.validate(req.build(), res.build());
        List<Finding> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.IGNORE || m.getLevel() == ValidationReport.Level.INFO) {
                continue;
            }
            String text = m.getMessage() + String.join(" ", m.getAdditionalInfo());
            out.add(new Finding(i, m.getKey(), text,
                    SpecDeviations.find(i.operation(), m.getKey(), text).orElse(null)));
        }
        return out;
    }
}
