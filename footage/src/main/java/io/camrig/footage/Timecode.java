package io.camrig.footage;

import io.camrig.footage.error.FootageFormatException;
import java.math.BigInteger;
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
 * timescale} (on a 29.97 fps file this differs from the non-drop display {@link #smpte()} by 0.1%;
 * a drop-frame display follows the clock to within 2 frames). The frame number counts real frames
 * whether or not drop-frame is flagged: drop-frame changes only how it is displayed.
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
    /** One day, ns. */
    private static final long DAY_NANOS = 86_400_000_000_000L;

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

    /**
     * The start as time since midnight of the camera's clock: {@code startFrame × frameDuration /
     * timescale}, exact to the nanosecond (rounded half up), modulo 24 h (a count past a day wraps, as
     * a time-of-day timecode does; so does any value a hostile file claims).
     */
    public Duration timeOfDay() {
        BigInteger den = BigInteger.valueOf(timescale);
        BigInteger nanos = BigInteger.valueOf(startFrame).multiply(BigInteger.valueOf(frameDuration))
                .multiply(BigInteger.valueOf(1_000_000_000L)).shiftLeft(1).add(den).divide(den.shiftLeft(1));
        return Duration.ofNanos(nanos.mod(BigInteger.valueOf(DAY_NANOS)).longValueExact());
    }

    /**
     * The start as an editor shows it, {@code HH:MM:SS:FF} at the rounded rate. Drop-frame (flag 0x1,
     * at 29.97 or 59.94 fps: a nominal rate that is a multiple of 30) is shown as SMPTE drop-frame,
     * {@code HH:MM:SS;FF}: frame labels 0 and 1 (0 to 3 at 59.94) are skipped at the start of every
     * minute except each tenth, so the label follows the clock; the frame count itself is the same.
     * With the 24-hour flag (0x2) the hours wrap at 24. Drop-frame flagged at another rate is shown
     * non-drop with {@code ;}.
     */
    public String smpte() {
        long fps = Math.max(1, Math.round(frameRate()));
        long f = startFrame;
        if (dropFrame() && fps % 30 == 0) {
            long drop = fps / 15;                        // labels skipped per minute: 2 at 30, 4 at 60
            long perTenMinutes = fps * 600 - 9 * drop;   // 17982 frames at 29.97
            long perMinute = fps * 60 - drop;            // 1798 frames at 29.97 (minutes 1 to 9 of ten)
            long tens = f / perTenMinutes;
            long rest = f % perTenMinutes;
            f += 9 * drop * tens + (rest > drop ? drop * ((rest - drop) / perMinute) : 0);
        }
        long frames = f % fps;
        long s = f / fps;
        long hours = (flags & 2) != 0 ? s / 3600 % 24 : s / 3600;
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%02d", hours, s / 60 % 60, s % 60,
                dropFrame() ? ";" : ":", frames);
    }
}
