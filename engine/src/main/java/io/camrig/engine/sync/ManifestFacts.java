package io.camrig.engine.sync;

import io.camrig.footage.FootageFacts;
import io.camrig.footage.Timecode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An adapter for a take manifest (the JSON written beside a take's media): the footage facts of a
 * file, a camera's start and a take's sync as plain values (maps of strings, numbers, booleans
 * and lists, nulls left out), so the manifest can carry them without this package depending on
 * its classes. Keys are stable: they are part of the manifest's JSON.
 */
public final class ManifestFacts {
    private ManifestFacts() {
    }

    /**
     * A camera's start in a take, for the manifest's per-camera entry.
     *
     * @param offsetMillis its start minus the rig's median, ms; null when it missed the shutter
     * @param late {@code true} when it was flagged
     * @param reason why, reasons joined by {@code "; "}; empty when not flagged
     * @param startUnknown why its footage gives no start ({@link CameraSync#startUnknown()}), for
     *     the camera's extension {@value #START_UNKNOWN}; null when known
     */
    public record Start(Double offsetMillis, boolean late, String reason, String startUnknown) {
    }

    /**
     * The key of a camera's manifest extension, and of the take's {@code sync} extension, that says
     * its start is unknown: the reason (text) on the camera, the camera names (list) on the take.
     */
    public static final String START_UNKNOWN = "startUnknown";

    /** The camera's start from its sync line. */
    public static Start start(CameraSync c) {
        return new Start(c.offsetMillis().isPresent() ? c.offsetMillis().getAsDouble() : null, c.flagged(),
                String.join("; ", c.reasons()), c.startUnknown().orElse(null));
    }

    /**
     * A file's footage facts: {@code majorBrand, firmware, cameraId, creationTime} (camera clock,
     * ISO, no zone), {@code durationMs, startFrame, startTimecode} (HH:MM:SS:FF), {@code
     * startTimeOfDayMs, fps, frameMs, dropFrame, timescale, frameDuration, tmcdFrames, tmcdFlags}
     * (the {@code tmcd} entry, so another process can rebuild the timecode: {@link #timecode}), {@code devices}
     * (GPMF device names), {@code
     * firstTimestampMicros, gpsUtc, gpsLocked, warnings}.
     */
    public static Map<String, Object> footage(FootageFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("majorBrand", f.majorBrand());
        m.put("firmware", f.firmware());
        m.put("cameraId", f.cameraIdText());
        f.creationTime().ifPresent(t -> m.put("creationTime", t.toString()));
        m.put("durationMs", f.durationMillis());
        if (f.timecode().isPresent()) {
            Timecode tc = f.timecode().get();
            m.put("startFrame", tc.startFrame());
            m.put("startTimecode", tc.smpte());
            m.put("startTimeOfDayMs", tc.timeOfDay().toNanos() / 1e6);
            m.put("fps", tc.frameRate());
            m.put("frameMs", tc.frameNanos() / 1e6);
            m.put("dropFrame", tc.dropFrame());
            m.put("timescale", tc.timescale());
            m.put("frameDuration", tc.frameDuration());
            m.put("tmcdFrames", tc.framesPerSecond());
            m.put("tmcdFlags", tc.flags());
        }
        f.telemetry().ifPresent(g -> {
            m.put("devices", g.devices().stream().map(d -> d.name()).toList());
            g.firstTimestampMicros().ifPresent(v -> m.put("firstTimestampMicros", v));
            g.gpsUtc().ifPresent(t -> m.put("gpsUtc", t.toString()));
            m.put("gpsLocked", g.gpsLocked());
        });
        if (!f.warnings().isEmpty()) {
            m.put("warnings", List.copyOf(f.warnings()));
        }
        return m;
    }

    /**
     * Reads a file's footage facts ({@link #footage}); a file that cannot be read gives {@code
     * {"error": "footage of NAME unreadable: …"}} instead. Blocking file I/O.
     */
    public static Map<String, Object> read(java.nio.file.Path file) {
        try {
            return footage(io.camrig.footage.FootageReader.read(file));
        } catch (Exception e) {
            return Map.of("error", "footage of " + file.getFileName() + " unreadable: " + e.getMessage());
        }
    }

    /**
     * The start timecode a file's footage facts ({@link #footage}) carry, rebuilt from them: how
     * the coordinator of a rig across hosts compares footage it did not read itself. Empty when the
     * facts have no timecode (no {@code tmcd} track, unreadable file, or an older manifest).
     */
    public static java.util.Optional<Timecode> timecode(Map<String, Object> footage) {
        if (footage.get("startFrame") instanceof Number frame && footage.get("timescale") instanceof Number scale
                && footage.get("frameDuration") instanceof Number duration && scale.longValue() > 0
                && duration.longValue() > 0) {
            int frames = footage.get("tmcdFrames") instanceof Number n ? n.intValue() : 0;
            int flags = footage.get("tmcdFlags") instanceof Number n ? n.intValue() : 0;
            return java.util.Optional.of(new Timecode(frame.longValue(), scale.longValue(), duration.longValue(), frames,
                    flags));
        }
        return java.util.Optional.empty();
    }

    /**
     * A take's sync, for the manifest's take-level extensions: {@code ok, spreadMs,
     * timecodeSpreadFrames, footageSpreadMs, frameMs, maxSpreadMs, footageToleranceFrames,
     * flagged} (camera names), and {@value #START_UNKNOWN} (camera names) when some camera's start
     * is unknown.
     */
    public static Map<String, Object> take(TakeSync s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", s.ok());
        s.spreadMillis().ifPresent(v -> m.put("spreadMs", v));
        s.timecodeSpreadFrames().ifPresent(v -> m.put("timecodeSpreadFrames", v));
        s.footageSpreadMillis().ifPresent(v -> m.put("footageSpreadMs", v));
        m.put("frameMs", s.frameMillis());
        m.put("maxSpreadMs", s.tolerance().maxSpread().toNanos() / 1e6);
        m.put("footageToleranceFrames", s.tolerance().footageFrames());
        m.put("flagged", s.flagged().stream().map(CameraSync::camera).toList());
        if (!s.startsUnknown().isEmpty()) {
            m.put(START_UNKNOWN, s.startsUnknown().stream().map(CameraSync::camera).toList());
        }
        return m;
    }
}
