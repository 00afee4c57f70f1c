package io.camrig.http.model;

import java.util.List;
import java.util.Optional;

/**
 * The camera's presets by group, from {@code GET /gopro/camera/presets/get} ({@code
 * OGP_PRESETS_GET}, key {@code presetGroupArray}).
 *
 * @param groups the groups in the camera's order
 */
public record PresetCatalog(List<PresetGroup> groups) {
    public PresetCatalog {
        groups = List.copyOf(groups);
    }

    /** Every preset of every group, in order. */
    public List<Preset> presets() {
        return groups.stream().flatMap(g -> g.presets().stream()).toList();
    }

    /** The preset with this id, if listed. */
    public Optional<Preset> find(long presetId) {
        return presets().stream().filter(p -> p.id() == presetId).findFirst();
    }
}
