package io.camrig.http.model;

/**
 * One setting of a preset (schema {@code PresetSetting} in {@code GET /gopro/camera/presets/get}).
 *
 * @param id setting id, for example 2 (video resolution)
 * @param value the option the preset uses
 * @param caption whether the camera shows this setting in the preset's caption
 */
public record PresetSetting(int id, long value, boolean caption) {
}
