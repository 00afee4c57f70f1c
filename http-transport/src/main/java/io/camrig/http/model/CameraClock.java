package io.camrig.http.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The camera's clock as {@code GET /gopro/camera/get_date_time} ({@code
 * OGP_GET_DATE_AND_TIME_DST}) reports it and {@code GET /gopro/camera/set_date_time} sets it:
 * local date and time to the second ({@code date} {@code "2023_12_31"}, {@code time} {@code
 * "11_05_45"}), the UTC offset in minutes ({@code tzone}) and daylight saving ({@code dst}).
 *
 * @param dateTime local date and time, whole seconds
 * @param utcOffsetMinutes offset from UTC in minutes, for example -480; empty when not reported
 * @param daylightSaving whether DST is in effect; empty when not reported
 */
public record CameraClock(LocalDateTime dateTime, OptionalInt utcOffsetMinutes, Optional<Boolean> daylightSaving) {
    public CameraClock {
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(utcOffsetMinutes, "utcOffsetMinutes");
        Objects.requireNonNull(daylightSaving, "daylightSaving");
    }
}
