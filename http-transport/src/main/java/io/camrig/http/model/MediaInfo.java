package io.camrig.http.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Metadata of one media file, from {@code GET /gopro/media/info?path=} ({@code OGP_MEDIA_INFO},
 * schemas {@code VideoMetadata} and {@code PhotoMetadata}). Only the fields common to both and
 * the video duration are typed; the rest of the document stays available as JSON through the
 * client's raw exchange.
 *
 * @param path the file it describes
 * @param sizeBytes file size in bytes (key {@code s}); required
 * @param created creation time (key {@code cre}), whole seconds
 * @param width width in pixels (key {@code w})
 * @param height height in pixels (key {@code h})
 * @param contentType media content type (key {@code ct}: 0 video, 4 photo …)
 * @param durationSeconds video duration in seconds (key {@code dur}); empty for photos
 * @param hilightsMillis hilight offsets in milliseconds (key {@code hi}); empty when none
 */
public record MediaInfo(MediaPath path, long sizeBytes, Instant created, int width, int height, int contentType,
        OptionalLong durationSeconds, List<Long> hilightsMillis) {

    public MediaInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        hilightsMillis = List.copyOf(hilightsMillis);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must be >= 0 bytes, was " + sizeBytes);
        }
    }

    /** {@code true} when the metadata carries a duration (a video). */
    public boolean isVideo() {
        return durationSeconds.isPresent();
    }
}
