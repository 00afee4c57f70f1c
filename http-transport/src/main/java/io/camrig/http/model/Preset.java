package io.camrig.http.model;

import java.util.List;
import java.util.Objects;

/**
 * One preset (schema {@code Preset} of {@code GET /gopro/camera/presets/get}, {@code
 * OGP_PRESETS_GET}); load it with {@code GET /gopro/camera/presets/load?id=}.
 *
 * @param id the preset id (int32)
 * @param mode its flat mode ({@code EnumFlatMode}, for example 12 video)
 * @param titleId its title ({@code EnumPresetTitle})
 * @param titleNumber number appended to the title
 * @param userDefined created by the user
 * @param icon its icon ({@code EnumPresetIcon})
 * @param visible shown in the camera UI ({@code isVisible} 1)
 * @param modified changed from its factory state
 * @param fixed cannot be deleted
 * @param customName the user's name for it, {@code ""} when none
 * @param settings its settings in the camera's order
 */
public record Preset(long id, int mode, int titleId, int titleNumber, boolean userDefined, int icon,
        boolean visible, boolean modified, boolean fixed, String customName, List<PresetSetting> settings) {

    public Preset {
        Objects.requireNonNull(customName, "customName");
        settings = List.copyOf(settings);
    }
}
