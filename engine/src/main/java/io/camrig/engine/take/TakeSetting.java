package io.camrig.engine.take;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One setting in force on a camera when a take was recorded, as the camera reported it over BLE
 * (Get Setting Values, query 0x12, every setting) and as the engine's settings catalog names it.
 *
 * @param id the setting id, 0..255 (e.g. {@code 2} for video resolution)
 * @param name the catalog's snake_case name (e.g. {@code video_resolution}), or the id as text when
 *     the catalog does not know it
 * @param value the raw value the camera sent (unsigned)
 * @param option the catalog's name of that value (e.g. {@code 4K}); {@code null} when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeSetting(int id, String name, long value, String option) {
    public TakeSetting {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("setting id must be 0..255, was " + id);
        }
        Objects.requireNonNull(name, "name");
    }
}
