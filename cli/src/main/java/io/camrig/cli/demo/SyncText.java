package io.camrig.cli.demo;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.session.CycleReport;
import io.camrig.engine.session.SessionReport;
import io.camrig.engine.sync.CameraSync;
import io.camrig.engine.sync.TakeSync;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The take-sync part of the demo's text report: per take, the spread of camera-side starts (fire),
 * of footage start timecodes (frames) and of footage starts after clock-set translation (ms), then
 * per camera its offset from the rig's median (one take: a table), every flagged camera with
 * its reasons, and every other camera whose start is unknown with why. Camera-provided text is escaped.
 */
final class SyncText {
    private SyncText() {
    }

    static void render(SessionReport report, PrintWriter out) {
        TakeSync any = report.cycles().stream().flatMap(c -> c.syncReport().stream()).findFirst().orElse(null);
        if (any == null) {
            return;
        }
        out.printf(Locale.ROOT, "take sync (start vs the rig's median; tolerance ±%.1f ms, --max-spread %d ms; "
                        + "footage: %d frames + clock-set uncertainty)%n", any.tolerance().maxSpread().toNanos() / 2e6,
                any.tolerance().maxSpread().toMillis(), any.tolerance().footageFrames());
        for (CycleReport c : report.cycles()) {
            if (c.syncReport().isEmpty()) {
                out.printf("take %-3d no fire, no sync figures%n", c.cycle());
                continue;
            }
            TakeSync s = c.syncReport().get();
            out.printf(Locale.ROOT, "take %-3d fire spread %s, timecode spread %s, footage spread %s   %s%n", c.cycle(),
                    ms(s.spreadMillis()), s.timecodeSpreadFrames().isPresent()
                            ? s.timecodeSpreadFrames().getAsLong() + " frames"
                            + String.format(Locale.ROOT, " (%.1f ms each)", s.frameMillis()) : "-",
                    ms(s.footageSpreadMillis()), c.ok() ? "ok" : "FAILED");
            if (report.cycles().size() == 1) {
                table(s, out);
            }
            for (CameraSync cam : s.flagged()) {
                out.printf("  flagged %s: %s%n", TerminalText.safe(cam.camera()),
                        TerminalText.safe(String.join("; ", cam.reasons())));
            }
            for (CameraSync cam : s.startsUnknown()) {
                if (!cam.flagged()) {    // a flagged camera's reasons say it already
                    out.printf("  %s: %s%n", TerminalText.safe(cam.camera()), TerminalText.safe(cam.startUnknown().orElseThrow()));
                }
            }
        }
        out.println();
    }

    private static void table(TakeSync s, PrintWriter out) {
        out.printf("  %-12s %11s %12s %11s %11s%n", "camera", "offset ms", "start frame", "footage ms", "vs fire ms");
        for (CameraSync c : s.cameras()) {
            out.printf(Locale.ROOT, "  %-12s %11s %12s %11s %11s%s%n", TerminalText.safe(c.camera()),
                    signed(c.offsetMillis()), c.startFrame().isPresent() ? String.valueOf(c.startFrame().getAsLong())
                            : "-", signed(c.footageOffsetMillis()), signed(c.disagreementMillis()),
                    c.flagged() ? "  FLAGGED" : "");
        }
    }

    private static String ms(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f ms", v.getAsDouble()) : "-";
    }

    private static String signed(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%+.1f", v.getAsDouble()) : "-";
    }
}
