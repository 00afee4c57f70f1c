package io.camrig.proto.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One option of a setting: its value and name, and the camera models that support it.
 *
 * <p>On the wire the value is the setting's format: one byte for uint8 settings, eight big-endian
 * bytes for uint64 settings ({@code [setting id][length][value]} on GP-0074).
 *
 * <p>Source: Open GoPro BLE spec, "Settings"; references.json {@code settings[*].options}.
 *
 * @param settingId the setting id, 0..255
 * @param value     the option value
 * @param name      the spec's name, e.g. {@code "1080"} or {@code "4K 4:3 V2"}
 * @param models    the models that support this option
 */
public record SettingOption(int settingId, long value, String name, Set<CameraModel> models) {
    public SettingOption {
        Objects.requireNonNull(name, "name");
        models = Catalog.modelSet(models);
    }

    /** The name in lower snake case, for command lines: {@code "4K 4:3 V2"} is {@code 4k_4_3_v2}. */
    public String key() {
        return keyOf(name);
    }

    /** {@code true} when this model supports the option. */
    public boolean supportedBy(CameraModel model) {
        return models.contains(model);
    }

    /** The typed setting, when the catalog has it. */
    public java.util.Optional<Setting> setting() {
        return Setting.of(settingId);
    }

    /** {@code "1080 (9)"}. */
    @Override
    public String toString() {
        return name + " (" + value + ")";
    }

    static String keyOf(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
