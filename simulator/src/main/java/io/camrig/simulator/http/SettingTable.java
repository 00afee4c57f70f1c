package io.camrig.simulator.http;

import io.camrig.http.model.SettingOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Open GoPro settings and their options per camera model, transcribed from the spec's
 * {@code openapi.json} ({@code components.schemas.Setting_<id>}: {@code enum}, {@code
 * x-enumDescriptions}, {@code x-option-metadata}) into the resource {@code settings.tsv}; a test
 * checks the table against the spec. Immutable.
 */
public final class SettingTable {
    private static final String RESOURCE = "settings.tsv";
    private static final SettingTable BUILT_IN = load();

    /**
     * One setting a model supports.
     *
     * @param id the setting id, for example 2
     * @param name its name, for example {@code "Video Resolution"}
     * @param anyWholeNumber {@code true} when it takes any whole number (LCD brightness, scheduled
     *     capture) instead of listed options
     * @param options the options this model supports, in the spec's order; empty when {@code
     *     anyWholeNumber}
     */
    public record Setting(int id, String name, boolean anyWholeNumber, List<SettingOption> options) {
        public Setting {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
        }

        /** {@code true} when {@code option} is valid for this model. */
        public boolean accepts(long option) {
            return anyWholeNumber ? option >= 0 && option <= Integer.MAX_VALUE
                    : options.stream().anyMatch(o -> o.id() == option);
        }
    }

    private record Row(int setting, String name, String option, String optionName, Set<String> cameras) {
    }

    private final List<Row> rows;

    private SettingTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table shipped with the simulator. */
    public static SettingTable builtIn() {
        return BUILT_IN;
    }

    /**
     * The settings {@code model} supports (by display name, for example {@code "HERO12 Black"}),
     * by ascending id; a setting with no option for the model is left out.
     */
    public Map<Integer, Setting> forModel(String model) {
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, List<SettingOption>> options = new LinkedHashMap<>();
        Map<Integer, Boolean> free = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.cameras().contains(model)) {
                continue;
            }
            names.putIfAbsent(r.setting(), r.name());
            options.computeIfAbsent(r.setting(), k -> new ArrayList<>());
            if (r.option().equals("*")) {
                free.put(r.setting(), true);
            } else {
                options.get(r.setting()).add(new SettingOption(Integer.parseInt(r.option()), r.optionName()));
            }
        }
        Map<Integer, Setting> out = new LinkedHashMap<>();
        names.keySet().stream().sorted().forEach(id -> out.put(id, new Setting(id, names.get(id),
                free.getOrDefault(id, false), options.get(id))));
        return out;
    }

    /** Every line of the table as {@code id\tname\toption\toptionName\tcameras}, in file order. */
    public List<String> lines() {
        return rows.stream().map(r -> r.setting() + "\t" + r.name() + "\t" + r.option() + "\t" + r.optionName()
                + "\t" + String.join(",", r.cameras())).toList();
    }

    private static SettingTable load() {
        try (InputStream in = SettingTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SettingTable parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("settings.tsv: 5 tab-separated fields expected: " + line);
            }
            Set<String> cameras = f[4].isEmpty() ? Set.of()
                    : new java.util.LinkedHashSet<>(Arrays.asList(f[4].split(",")));
            rows.add(new Row(Integer.parseInt(f[0]), f[1], f[2], f[3], cameras));
        }
        return new SettingTable(rows);
    }
}
