package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.http.model.SettingOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SettingTableTest {

    @Test
    void aModelGetsOnlyItsOwnOptions() {
        Map<Integer, SettingTable.Setting> hero12 = SettingTable.builtIn().forModel("HERO12 Black");
        Map<Integer, SettingTable.Setting> max2 = SettingTable.builtIn().forModel("MAX 2");

        assertThat(hero12.get(2).options()).contains(new SettingOption(1, "4K"), new SettingOption(9, "1080"))
                .doesNotContain(new SettingOption(31, "8K"));
        assertThat(max2.get(2).options()).contains(new SettingOption(31, "8K"));
        assertThat(hero12.get(2).accepts(9)).isTrue();
        assertThat(hero12.get(2).accepts(31)).isFalse();
        assertThat(hero12.get(88).anyWholeNumber()).isTrue();
        assertThat(hero12.get(88).accepts(70)).isTrue();
        assertThat(List.copyOf(hero12.keySet())).isSorted();
    }

    @Test
    void malformedLinesAreRejected() {
        assertThatThrownBy(() -> SettingTable.parse(List.of("2\tVideo Resolution\t1"))).isInstanceOf(
                IllegalArgumentException.class);
    }

    /** The table is a faithful transcription of openapi.json (components.schemas.Setting_*). */
    @Test
    void theTableMatchesTheSpec() throws Exception {
        String dir = System.getProperty("camrig.spec.dir");
        Path file = dir == null || dir.isBlank() ? null : Path.of(dir, "http", "openapi.json");
        if (file == null || !Files.isRegularFile(file)) {
            String message = "openapi.json not found (camrig.spec.dir=" + dir + "): spec check skipped";
            if (Boolean.getBoolean("camrig.spec.required")) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        JsonNode schemas = new ObjectMapper().readTree(file.toFile()).path("components").path("schemas");
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("Setting_")) {
                names.add(n);
            }
        });
        names.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(8))));
        List<String> expected = new ArrayList<>();
        for (String n : names) {
            JsonNode s = schemas.get(n);
            String id = n.substring(8);
            String title = s.path("title").asText("");
            if (!s.has("enum")) {
                expected.add(id + "\t" + title + "\t*\t\t" + join(s.path("x-supported-cameras")));
                continue;
            }
            for (JsonNode o : s.get("enum")) {
                expected.add(id + "\t" + title + "\t" + o.asText() + "\t"
                        + s.path("x-enumDescriptions").path(o.asText()).asText("") + "\t"
                        + join(s.path("x-option-metadata").path(o.asText())));
            }
        }
        assertThat(SettingTable.builtIn().lines()).containsExactlyElementsOf(expected);
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }
}
