package io.camrig.engine.sync;

import io.camrig.footage.Timecode;
import io.camrig.http.model.Recording;
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
 * @param startUnknown why its footage gives no start although it was offloaded (its recording's
 *     chapter 01 is not on the card: {@link #footageFrom}); empty otherwise. Such a camera is left
 *     out of the footage comparison, as one without footage is, and never flagged for its footage.
 */
public record CameraStart(String camera, String serial, OptionalLong fireNanos, Optional<Timecode> timecode,
                          Optional<ClockSet> clockSet, List<String> notes, Optional<String> startUnknown) {
    public CameraStart {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(serial, "serial");
        notes = List.copyOf(notes);
        Objects.requireNonNull(startUnknown, "startUnknown");
        if (startUnknown.isPresent() && timecode.isPresent()) {
            throw new IllegalArgumentException("a start that is unknown has no timecode");
        }
    }

    /** A start whose footage start is known (or absent). */
    public CameraStart(String camera, String serial, OptionalLong fireNanos, Optional<Timecode> timecode,
                       Optional<ClockSet> clockSet, List<String> notes) {
        this(camera, serial, fireNanos, timecode, clockSet, notes, Optional.empty());
    }

    /**
     * This start, its timecode read from {@code firstHeld}: the first file the card held of the
     * camera's recording ({@link Recording#firstChapter}). When that is a later chapter than 01
     * ({@link Recording#startUnknown(String)}), its timecode starts where chapter 01 ended, not at
     * the fire: it is dropped and the reason kept, so the camera is neither flagged late for it nor
     * counted in the footage spread. Otherwise (chapter 01, or a recording of one file) this start.
     */
    public CameraStart footageFrom(String firstHeld) {
        return Recording.startUnknown(firstHeld).map(reason -> {
            List<String> withReason = new java.util.ArrayList<>(notes);
            withReason.add(reason);
            return new CameraStart(camera, serial, fireNanos, Optional.<Timecode>empty(), clockSet, withReason,
                    Optional.of(reason));
        }).orElse(this);
    }
}
