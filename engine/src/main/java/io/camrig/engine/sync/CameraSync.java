package io.camrig.engine.sync;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One camera's line in a take's sync report.
 *
 * @param camera the camera's name
 * @param serial its serial number, or empty
 * @param offsetMillis its camera-side start minus the rig's median start, ms (positive: late);
 *     empty when it missed the shutter
 * @param startFrame its footage's start frame ({@code tmcd}); empty without footage
 * @param footageOffsetMillis its footage start minus the rig's median footage start, ms, after
 *     translating each camera's timecode through the clock camrig set; empty without footage
 * @param disagreementMillis how much later (positive) its footage starts than the fire says,
 *     relative to the rig, ms; empty when either is missing
 * @param flagged {@code true} when it is out of tolerance, missed the shutter, or its footage
 *     disagrees with the fire
 * @param reasons why it is flagged, and what camrig saw that may explain it; empty when fine
 * @param startUnknown why its footage gives no start ({@link CameraStart#startUnknown()}: its
 *     recording's chapter 01 is not on the card), shown whether or not it is flagged; empty otherwise
 */
public record CameraSync(String camera, String serial, OptionalDouble offsetMillis, OptionalLong startFrame,
                         OptionalDouble footageOffsetMillis, OptionalDouble disagreementMillis, boolean flagged,
                         List<String> reasons, Optional<String> startUnknown) {
    public CameraSync {
        reasons = List.copyOf(reasons);
        java.util.Objects.requireNonNull(startUnknown, "startUnknown");
    }
}
