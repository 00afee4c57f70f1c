package io.camrig.simulator.media;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What a simulated camera writes into a recording's MP4 about itself.
 *
 * @param model the camera's model name, written as the GPMF device name ({@code DVNM})
 * @param firmware the firmware version, written as {@code udta/FIRM}; any text (a hostile camera
 *     may put control characters here)
 * @param cameraId written as {@code udta/CAME}: its UTF-8 bytes, padded with NULs to 16 bytes or cut
 * @param encodingStart the camera's own clock (local time, ns precision) at the instant its footage
 *     starts: gives {@code mvhd} creation time (whole seconds) and the {@code tmcd} start frame
 * @param length how long it recorded; gives the {@code mvhd} and track durations
 */
public record RecordingFacts(String model, String firmware, String cameraId, LocalDateTime encodingStart,
                             Duration length) {
    public RecordingFacts {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(encodingStart, "encodingStart");
        if (length.isNegative()) {
            throw new IllegalArgumentException("length must not be negative");
        }
    }
}
