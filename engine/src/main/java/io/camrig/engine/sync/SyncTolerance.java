package io.camrig.engine.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How far apart a take's cameras may start before it counts as failed.
 *
 * @param maxSpread the widest window of camera-side starts a take may have: a camera more than
 *     half of it from the rig's median is flagged (default 50 ms: within ±25 ms of the median,
 *     less than a frame either side at 30 fps)
 * @param footageFrames how many frames a camera's footage start may differ from what the fire
 *     says (relative to the rig), on top of the clock-set uncertainty (half the set command's round
 *     trip); default 2 (a timecode is frame-granular: ±1 frame is rounding alone)
 */
public record SyncTolerance(Duration maxSpread, int footageFrames) {
    public SyncTolerance {
        Objects.requireNonNull(maxSpread, "maxSpread");
        if (maxSpread.isNegative()) {
            throw new IllegalArgumentException("maxSpread must not be negative");
        }
        if (footageFrames < 0) {
            throw new IllegalArgumentException("footageFrames must not be negative");
        }
    }

    public static SyncTolerance defaults() {
        return new SyncTolerance(Duration.ofMillis(50), 2);
    }

    public SyncTolerance withMaxSpread(Duration d) {
        return new SyncTolerance(d, footageFrames);
    }

    public SyncTolerance withFootageFrames(int frames) {
        return new SyncTolerance(maxSpread, frames);
    }
}
