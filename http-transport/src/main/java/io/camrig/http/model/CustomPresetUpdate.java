package io.camrig.http.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The body of {@code PUT /gopro/camera/presets/update_custom} ({@code
 * GPCAMERA_CUSTOM_PRESET_UPDATE}): a new name, icon and/or title for the active custom preset.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when nothing is to change.
 *
 * @param customName the name ({@code custom_name}); empty to leave it
 * @param iconId the icon ({@code icon_id}, {@code EnumPresetIcon}); empty to leave it
 * @param titleId the title ({@code title_id}, {@code EnumPresetTitle}, 94 for a custom name);
 *     empty to leave it
 */
public record CustomPresetUpdate(Optional<String> customName, OptionalInt iconId, OptionalInt titleId) {
    public CustomPresetUpdate {
        Objects.requireNonNull(customName, "customName");
        Objects.requireNonNull(iconId, "iconId");
        Objects.requireNonNull(titleId, "titleId");
        if (customName.isEmpty() && iconId.isEmpty() && titleId.isEmpty()) {
            throw new IllegalArgumentException("a custom preset update changes at least one field");
        }
    }

    /** Renames the preset: title 94 (custom) with {@code name}. */
    public static CustomPresetUpdate rename(String name) {
        return new CustomPresetUpdate(Optional.of(name), OptionalInt.empty(), OptionalInt.of(94));
    }
}
