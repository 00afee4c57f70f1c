package io.camrig.simulator.media;

import java.time.Instant;
import java.util.Objects;

/**
 * One file on a simulated SD card, as the camera lists it in {@code GET /gopro/media/list}
 * (Open GoPro HTTP API 2.0, schema {@code SingleMediaListItem}).
 *
 * @param directory the directory, for example {@code 100GOPRO} (key {@code d})
 * @param name the file name, for example {@code GX010001.MP4} (key {@code n})
 * @param size the size in bytes (key {@code s}), at least 0
 * @param created creation time, truncated to whole seconds as the camera reports it (keys {@code
 *     cre} and {@code mod})
 */
public record SdCardFile(String directory, String name, long size, Instant created) {

    public SdCardFile {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 bytes, was " + size);
        }
    }
}
