package io.camrig.cli.media;

import io.camrig.cli.console.TerminalText;
import io.camrig.footage.FootageFacts;
import io.camrig.footage.Timecode;
import io.camrig.footage.gpmf.GpmfSummary;
import java.io.PrintWriter;
import java.util.Locale;

/** The text form of {@link FootageFacts}, with control characters in camera-written text escaped. */
final class FootageText {
    private FootageText() {
    }

    /** Camera-written text made safe for a terminal ({@link TerminalText#safe}). */
    static String escape(String s) {
        return TerminalText.safe(s);
    }

    static void render(FootageFacts f, String path, PrintWriter out) {
        out.println(escape(path));
        row(out, "size", f.sizeBytes() + " bytes");
        row(out, "brand", escape(dash(f.majorBrand())));
        row(out, "firmware (FIRM)", escape(dash(f.firmware())));
        row(out, "camera id (CAME)", escape(dash(f.cameraIdText())));
        row(out, "created (mvhd)", f.creationTime().map(t -> t + " camera clock, no zone").orElse("-"));
        row(out, "duration (mvhd)", String.format(Locale.ROOT, "%.3f s", f.durationMillis() / 1000));
        if (f.timecode().isPresent()) {
            Timecode tc = f.timecode().get();
            row(out, "timecode (tmcd)", String.format(Locale.ROOT, "%s  frame %d at %.3f fps%s", tc.smpte(),
                    tc.startFrame(), tc.frameRate(), tc.dropFrame() ? " drop-frame" : ""));
            row(out, "starts at", String.format(Locale.ROOT, "%s camera clock (± one frame, %.1f ms)",
                    timeOfDay(tc), tc.frameNanos() / 1e6));
        } else {
            row(out, "timecode (tmcd)", "-");
        }
        if (f.telemetry().isPresent()) {
            GpmfSummary g = f.telemetry().get();
            for (GpmfSummary.Device d : g.devices()) {
                row(out, "device (GPMF)", escape(dash(d.name())) + (d.id().isEmpty() ? "" : " id " + escape(d.id())));
                d.streams().forEach(s -> row(out, "  stream", escape(dash(s))));
            }
            if (g.firstTimestampMicros().isPresent()) {
                row(out, "timestamp (STMP)", g.firstTimestampMicros().getAsLong() + " µs");
            }
            row(out, "GPS time (GPSU)", g.gpsUtc().map(t -> t + " UTC" + (g.gpsLocked() ? ""
                    : " (no fix: not to be trusted)")).orElse("- (no GPS lock in the first payload)"));
        } else {
            row(out, "telemetry (GPMF)", "-");
        }
        f.tracks().forEach(t -> row(out, "track", escape(t)));
        f.warnings().forEach(w -> row(out, "warning", escape(w)));
    }

    static String timeOfDay(Timecode tc) {
        long nanos = tc.timeOfDay().toNanos();
        long ms = nanos / 1_000_000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000 % 24, ms / 60_000 % 60,
                ms / 1000 % 60, ms % 1000);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-18s %s%n", label, value);
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
