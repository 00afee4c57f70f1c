package io.camrig.engine.sync;

import io.camrig.footage.Timecode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One camera's start in one take, as the inputs of {@link TakeSync#of}.
 *
 * @param camera the camera's name (advertised BLE name)
 * @param serial its serial number, or empty
 * @param fireNanos the camera-side instant it started encoding per the fire (status arrival − one-way
 *     latency), ns on one clock shared by the take's cameras (e.g. since the fire's release began;
 *     only differences are used, so the origin cancels); empty when it missed the shutter
 * @param timecode the start timecode its footage carries; empty without footage
 * @param clockSet how its clock was set; empty when unknown (footage is then compared raw)
 * @param notes what camrig saw happen to the camera in this take (a shutter retry, a reconnect, a
 *     failure, unreadable footage), shown as reasons when it is flagged
 */
public record CameraStart(String camera, String serial, OptionalLong fireNanos, Optional<Timecode> timecode,
                          Optional<ClockSet> clockSet, List<String> notes) {
    public CameraStart {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(serial, "serial");
        notes = List.copyOf(notes);
    }
}
