package io.camrig.http.model;

import java.util.Objects;

/**
 * One option a camera offers for a setting: an element of {@code supported_options} (schema
 * {@code SettingCapabilities}) in the 403 answer of {@code GET /gopro/camera/setting}.
 *
 * @param id the option id, for example 9 (1080) for setting 2
 * @param displayName the camera's name for it, for example {@code "1080"}; {@code ""} when absent
 */
public record SettingOption(int id, String displayName) {
    public SettingOption {
        Objects.requireNonNull(displayName, "displayName");
    }
}
