package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeSetting;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code camrig takes show}'s text: the take, the fire's figures next to the footage's (start
 * timecode spread in frames, from the manifest's {@code sync} extension), then per camera its
 * identity (under a {@code node …:} heading per node on a rig across hosts), start offset and late flag (or why its
 * start is unknown), the settings it reported in force, and per file its
 * state, SHA-256 and the facts read from the file itself (firmware, camera id, start timecode and
 * frame, duration, GPMF devices, GPS time). Every camera-provided text is escaped.
 */
final class TakeText {
    private TakeText() {
    }

    static void render(TakeManifest m, PrintWriter out) {
        out.printf("take %s (rig %s), created %s%n", TerminalText.safe(m.takeId()), TerminalText.safe(m.rigId()),
                m.createdAt());
        if (m.fire() != null) {
            out.printf("fire: %d/%d shutters ok, write skew %s µs, encoding spread %s ms%n", m.fire().shutterOk(),
                    m.fire().cameras(), m.fire().fireSkewMicros(), m.fire().encodingSpreadMillis());
        }
        if (m.extensions().get("sync") instanceof Map<?, ?> sync) {
            String frames = text(sync.get("timecodeSpreadFrames"));
            out.printf("footage: start timecode spread %s %s (%s ms each), footage spread %s ms, %s%n",
                    frames, "1".equals(frames) ? "frame" : "frames", number(sync.get("frameMs")),
                    number(sync.get("footageSpreadMs")), Boolean.TRUE.equals(sync.get("ok")) ? "in sync"
                            : "FLAGGED: " + TerminalText.safe(String.valueOf(sync.get("flagged"))));
        }
        String node = null;
        for (TakeCamera c : byNode(m.cameras())) {
            if (c.node() != null && !c.node().equals(node)) {
                node = c.node();
                out.printf("node %s:%n", TerminalText.safe(node));
            }
            out.printf("%s  %s %s%s%s%s%n", TerminalText.safe(c.serial()), TerminalText.safe(c.model()),
                    TerminalText.safe(c.firmware()), c.node() == null ? "" : "  node " + TerminalText.safe(c.node()),
                    c.startOffsetMillis() == null ? "" : String.format(Locale.ROOT, "  start %+.1f ms", c.startOffsetMillis()),
                    c.late() ? "  FLAGGED: " + TerminalText.safe(String.valueOf(c.lateReason()))
                            : c.startUnknown().map(r -> "  " + TerminalText.safe(r)).orElse(""));
            if (!c.settingsInForce().isEmpty()) {
                out.printf("  settings: %s%n", TerminalText.safe(settings(c.settingsInForce())));
            }
            for (TakeFile f : c.files()) {
                // A group's photo not yet fetched has no size: the media list gives none.
                out.printf("  %-28s %12s  %-8s %s%n", TerminalText.safe(f.cameraPath()),
                        f.sizeKnown() ? Long.toString(f.size()) : "?", f.state(),
                        f.verified() ? f.sha256() : TerminalText.safe(f.error() == null ? "" : f.error()));
                if (!f.footage().isEmpty()) {
                    out.printf("    footage: %s%n", TerminalText.safe(footage(f.footage())));
                }
            }
        }
    }

    /** The cameras grouped by node (nodes in order of first appearance, rig order within), as they are on one host. */
    static List<TakeCamera> byNode(List<TakeCamera> cameras) {
        Map<String, List<TakeCamera>> groups = new java.util.LinkedHashMap<>();
        for (TakeCamera c : cameras) {
            groups.computeIfAbsent(String.valueOf(c.node()), k -> new java.util.ArrayList<>()).add(c);
        }
        return groups.values().stream().flatMap(List::stream).toList();
    }

    /** {@code name=option} pairs (the raw value when the catalog has no name for it). */
    static String settings(List<TakeSetting> values) {
        return values.stream().map(v -> v.name() + "=" + (v.option() != null ? v.option() : Long.toUnsignedString(v.value())))
                .collect(Collectors.joining(", "));
    }

    /** One line of what the file says about itself; {@code unreadable: …} when it could not be read. */
    static String footage(Map<String, Object> f) {
        if (f.containsKey("error")) {
            return "unreadable: " + f.get("error");
        }
        StringBuilder b = new StringBuilder();
        b.append("fw ").append(text(f.get("firmware"))).append(", camera ").append(text(f.get("cameraId")));
        if (f.containsKey("startTimecode")) {
            // The timecode is shown as an editor does (non-drop at the nominal rate, 0.1 % slow at
            // 29.97 fps); the camera clock's time of day is the frame count at the real rate.
            b.append(", start ").append(f.get("startTimecode")).append(" (frame ").append(f.get("startFrame"))
                    .append(" at ").append(f.get("fps") instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-")
                    .append(" fps").append(timeOfDay(f.get("startTimeOfDayMs"))).append(')');
        }
        b.append(", created ").append(text(f.get("creationTime"))).append(", duration ")
                .append(number(f.get("durationMs"))).append(" ms");
        if (f.get("devices") instanceof List<?> devices && !devices.isEmpty()) {
            b.append(", GPMF ").append(devices);
        }
        if (f.containsKey("gpsUtc")) {
            b.append(", GPS ").append(f.get("gpsUtc")).append(Boolean.TRUE.equals(f.get("gpsLocked")) ? " (locked)" : " (no fix)");
        }
        return b.toString();
    }

    /** The start timecode of a file's footage, or {@code -}. */
    static String startTimecode(TakeFile f) {
        Object tc = f.footage().get("startTimecode");
        return tc == null ? "-" : tc.toString();
    }

    /** {@code ", 19:27:58.141 camera clock"} from a time of day in ms; empty when absent. */
    private static String timeOfDay(Object ms) {
        if (!(ms instanceof Number n) || n.doubleValue() < 0) {
            return "";
        }
        java.time.LocalTime t = java.time.LocalTime.ofNanoOfDay(Math.round(n.doubleValue() * 1e6) % 86_400_000_000_000L);
        return ", " + t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + " camera clock";
    }

    /** The value, or {@code -} when absent or blank (a camera that wrote no firmware). */
    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? "-" : v.toString();
    }

    private static String number(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : "-";
    }
}
