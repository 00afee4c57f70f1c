package io.camrig.http.model;

import java.util.List;

/**
 * A preset group (schema {@code PresetGroup}): video (1000), photo (1001), time lapse (1002) or
 * general (2000).
 *
 * @param id the group id ({@code EnumPresetGroup})
 * @param icon its icon ({@code EnumPresetGroupIcon})
 * @param canAddPreset whether the user may add a preset to it
 * @param modes the flat modes it offers ({@code EnumFlatMode})
 * @param presets its presets in the camera's order
 */
public record PresetGroup(int id, int icon, boolean canAddPreset, List<Integer> modes, List<Preset> presets) {
    public PresetGroup {
        modes = List.copyOf(modes);
        presets = List.copyOf(presets);
    }
}
