package io.camrig.cli.demo;

import io.camrig.cli.console.Terminal;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.session.CameraReport;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.session.CycleReport;
import io.camrig.engine.session.SessionReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The human-readable session report: one row per camera, a per-step latency table, the reasons
 * of failed cameras, and the rig figures (fire skew in µs, encoding spread in ms).
 */
final class TextReport {
    private TextReport() {
    }

    private static final Terminal PLAIN = new Terminal(false, false, Terminal.DEFAULT_COLUMNS);

    static void render(SessionReport report, PrintWriter out) {
        render(report, out, null, PLAIN);
    }

    /**
     * As {@link #render(SessionReport, PrintWriter)}, with the faults a simulated rig injected, the
     * step table fitted to the terminal's width and results in colour where it allows.
     */
    static void render(SessionReport report, PrintWriter out, String injectedFaults, Terminal terminal) {
        out.printf("%-3s %-11s %-13s %-15s %-7s %-14s %10s%n", "#", "camera", "model", "serial", "result", "file", "bytes");
        for (CameraReport c : report.cameras()) {
            String file = c.file().isEmpty() ? "-" : java.nio.file.Path.of(c.file()).getFileName().toString();
            String result = c.ok() ? terminal.ok(String.format("%-7s", "ok")) : terminal.failed(String.format("%-7s", "FAILED"));
            out.printf("%-3d %-11s %-13s %-15s %s %-14s %10s%n", c.index(), TerminalText.safe(c.name()),
                    TerminalText.safe(dash(c.model())), TerminalText.safe(dash(c.serial())), result,
                    TerminalText.safe(file), c.fileBytes() < 0 ? "-" : c.fileBytes());
        }
        out.println();
        for (CycleReport cycle : report.cycles()) {
            if (!cycle.takeId().isEmpty()) {
                out.printf("take %s: manifest %s/take.json (camrig takes show %s)%n", cycle.takeId(), cycle.takeId(),
                        cycle.takeId());
            }
        }
        if (report.cycles().size() > 1) {
            renderCycles(report, out);
        } else {
            StepTable.render(report.cameras(), out, terminal);
        }
        SyncText.render(report, out);
        for (CameraReport c : report.cameras()) {
            if (!c.ok()) {
                out.printf("camera %d (%s) %s in '%s': %s%n", c.index(), TerminalText.safe(c.name()),
                        terminal.failed("failed"), c.failedStep(), TerminalText.safe(c.failure()));
            }
        }
        out.println();
        out.printf("shutter-on writes issued over:         %s   (staggered by each camera's latency)%n",
                micros(report.fireSkewMicros()));
        out.printf("predicted arrival spread at cameras:   %s%n", micros(report.predictedSpreadMicros()));
        out.printf("encoding-started spread (camera side): %s%n", millis(report.observedSpreadMicros()));
        out.printf("encoding-started spread (at the host): %s%n", millis(report.encodingSpreadMicros()));
        RigMetrics m = report.metrics();
        if (m != null) {
            out.printf("resilience: %.0f reconnects, %.0f retried calls, %.0f keep-alive failures%s%n",
                    m.total("camrig.reconnects"), retried(m), m.total("camrig.keepalive.failures"),
                    injectedFaults == null ? "" : "; injected: " + injectedFaults);
        }
        long failedTakes = report.failedTakes().size();
        out.printf("%d/%d cameras succeeded in %.1f s; %d/%d takes ok%s%n", report.succeeded(), report.cameras().size(),
                report.elapsedMillis() / 1000.0, report.cycles().size() - failedTakes, report.cycles().size(),
                failedTakes == 0 ? "" : " (failed: " + report.failedTakes().stream()
                        .map(c -> "take " + c.cycle()).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }

    private static void renderCycles(SessionReport report, PrintWriter out) {
        out.println("record cycles (ok cameras; camera-side encoding-start spread)");
        for (CycleReport c : report.cycles()) {
            String spread = c.fire() == null ? "-" : millis(c.fire().observedSpreadMicros());
            out.printf("cycle %-3d %3d/%-3d ok   spread %s%n", c.cycle(), c.succeeded(), c.outcomes().size(), spread);
            c.outcomes().forEach((camera, outcome) -> {
                if (!outcome.equals("ok")) {
                    out.printf("          %s: %s%n", TerminalText.safe(camera), TerminalText.safe(outcome));
                }
            });
        }
        out.println();
    }

    static double retried(RigMetrics m) {
        return m.functionTotal("camrig.retried.calls");
    }

    private static String micros(java.util.OptionalLong v) {
        return v.isPresent() ? v.getAsLong() + " µs" : "-";
    }

    /** A spread in µs, shown in ms. */
    private static String millis(java.util.OptionalLong micros) {
        return micros.isPresent() ? String.format(Locale.ROOT, "%.1f ms", micros.getAsLong() / 1e3) : "-";
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
