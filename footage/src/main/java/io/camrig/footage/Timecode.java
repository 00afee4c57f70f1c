package io.camrig.footage;

import io.camrig.footage.error.FootageFormatException;
import java.time.Duration;
import java.util.Locale;

/**
 * The start timecode of a recording, from its {@code tmcd} track: the sample entry gives the rate,
 * the first sample the start frame.
 *
 * <p>{@code tmcd} sample entry body (QuickTime File Format, "Timecode sample description"):
 * reserved (6), data reference index (u16), reserved (u32), flags (u32: 0x1 drop frame, 0x2 24-hour
 * max, 0x4 negative times ok, 0x8 counter), timescale (u32), frame duration (u32), number of frames
 * (u8), reserved (u8). The sample: a big-endian u32 frame number. A GoPro counts frames since
 * midnight of its own clock, so {@link #timeOfDay()} is {@code startFrame × frameDuration /
 * timescale} (on a 29.97 fps file this differs from the non-drop display {@link #smpte()} by 0.1%).
 *
 * <p>Precision: one frame ({@link #frameNanos()}: 33.4 ms at 29.97 fps), and no better than the
 * camera's clock (set to the whole second over BLE).
 *
 * @param startFrame the first sample's frame number
 * @param timescale units per second of {@code frameDuration}
 * @param frameDuration one frame, in {@code timescale} units
 * @param framesPerSecond the entry's "number of frames" (nominal, rounded by the writer)
 * @param flags the entry's flags
 */
public record Timecode(long startFrame, long timescale, long frameDuration, int framesPerSecond, int flags) {
    public Timecode {
        if (timescale <= 0 || frameDuration <= 0) {
            throw new FootageFormatException("tmcd timescale and frame duration must be positive, were " + timescale
                    + " and " + frameDuration);
        }
    }

    /** {@code true} when the drop-frame flag (0x1) is set. */
    public boolean dropFrame() {
        return (flags & 1) != 0;
    }

    /** The frame rate, frames per second (e.g. 29.97). */
    public double frameRate() {
        return (double) timescale / frameDuration;
    }

    /** One frame, ns. */
    public double frameNanos() {
        return frameDuration * 1e9 / timescale;
    }

    /** The start as time since midnight of the camera's clock ({@code startFrame × frame duration}). */
    public Duration timeOfDay() {
        return Duration.ofNanos(Math.round(startFrame * frameNanos()));
    }

    /**
     * The start as an editor shows it, {@code HH:MM:SS:FF} (non-drop, at the rounded rate; {@code ;}
     * before the frames when drop-frame is flagged, counted as non-drop here).
     */
    public String smpte() {
        long fps = Math.max(1, Math.round(frameRate()));
        long f = startFrame;
        long frames = f % fps;
        long s = f / fps;
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%02d", s / 3600, s / 60 % 60, s % 60,
                dropFrame() ? ";" : ":", frames);
    }
}
