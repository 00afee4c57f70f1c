package io.camrig.footage.mp4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an MP4's {@code moov} camrig reads.
 *
 * @param majorBrand the {@code ftyp} major brand ({@code mp41} on GoPro), or empty
 * @param creationTime {@code mvhd} creation time, seconds since 1904-01-01 00:00 (a GoPro writes
 *     its local clock here, not UTC)
 * @param timescale {@code mvhd} timescale, units per second
 * @param duration {@code mvhd} duration, in {@code timescale} units
 * @param userData the {@code moov/udta} children by type (first of each), raw bodies
 * @param tracks every readable {@code trak}, in file order
 * @param unreadableTracks one line per {@code trak} left out as malformed: its offset and what is wrong
 */
public record Mp4Movie(String majorBrand, long creationTime, long timescale, long duration,
                       Map<String, byte[]> userData, List<Track> tracks, List<String> unreadableTracks) {
    public Mp4Movie {
        userData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userData));
        tracks = List.copyOf(tracks);
        unreadableTracks = List.copyOf(unreadableTracks);
    }

    /** The first track whose first sample entry has this format (e.g. {@code tmcd}, {@code gpmd}). */
    public Optional<Track> track(String format) {
        return tracks.stream().filter(t -> t.format().equals(format)).findFirst();
    }
}
