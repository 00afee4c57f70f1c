package io.camrig.cli.demo;

import io.camrig.cli.console.Terminal;
import io.camrig.engine.rig.StepRecord;
import io.camrig.engine.session.CameraReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-step latency table of a session, fitted to the terminal: a column per camera while they
 * fit; wrapped into blocks of cameras up to {@link #MAX_BLOCKS} blocks; beyond that one row per
 * step with min, median, max and the cameras that failed or were late. Every figure is in
 * {@code --json} whatever is shown here. A cell more than {@link #LATE_FACTOR} times its step's
 * median (and over {@link #LATE_MIN_MS} ms) is late: marked {@code *}, and yellow where colour is on.
 */
final class StepTable {
    static final int LABEL = 20;
    static final int CELL = 7;
    static final int MAX_BLOCKS = 3;
    static final long LATE_FACTOR = 3;
    static final long LATE_MIN_MS = 50;

    private StepTable() {
    }

    static void render(List<CameraReport> cameras, PrintWriter out, Terminal terminal) {
        Set<String> steps = new LinkedHashSet<>();
        cameras.forEach(c -> c.steps().forEach(s -> steps.add(s.step())));
        int perBlock = Math.max(1, (terminal.columns() - LABEL) / CELL);
        int blocks = (cameras.size() + perBlock - 1) / perBlock;
        if (blocks > MAX_BLOCKS) {
            summary(cameras, steps, out, terminal);
            return;
        }
        out.println("step latency per camera, ms (FAIL failed, skip skipped, * late: over " + LATE_FACTOR
                + "x the step's median)");
        for (int from = 0; from < cameras.size(); from += perBlock) {
            List<CameraReport> block = cameras.subList(from, Math.min(cameras.size(), from + perBlock));
            out.printf("%-" + LABEL + "s", "step");
            block.forEach(c -> out.printf("%" + CELL + "s", "#" + c.index()));
            out.println();
            for (String step : steps) {
                long median = median(cameras, step);
                out.printf("%-" + LABEL + "s", step);
                for (CameraReport c : block) {
                    out.print(cell(c, step, median, terminal));
                }
                out.println();
            }
            out.println();
        }
    }

    /** One row per step: what a rig too wide for the terminal looks like at a glance. */
    private static void summary(List<CameraReport> cameras, Set<String> steps, PrintWriter out, Terminal terminal) {
        out.printf("step latency over %d cameras (ms; per camera: --json, or a wider terminal)%n", cameras.size());
        out.printf("%-" + LABEL + "s%7s%7s%7s  %s%n", "step", "min", "median", "max", "failed / late cameras");
        for (String step : steps) {
            List<Long> ok = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            long median = median(cameras, step);
            for (CameraReport c : cameras) {
                Optional<StepRecord> r = record(c, step);
                if (r.isEmpty()) {
                    continue;
                }
                switch (r.get().status()) {
                    case "ok" -> {
                        long ms = r.get().latency().toMillis();
                        ok.add(ms);
                        if (late(ms, median)) {
                            notes.add(terminal.late("#" + c.index() + " " + ms + "*"));
                        }
                    }
                    case "failed" -> notes.add(terminal.failed("#" + c.index() + " FAIL"));
                    default -> notes.add(terminal.late("#" + c.index() + " skip"));
                }
            }
            ok.sort(Long::compare);
            out.printf("%-" + LABEL + "s%7s%7s%7s  %s%n", step, ok.isEmpty() ? "-" : ok.get(0),
                    ok.isEmpty() ? "-" : ok.get(ok.size() / 2), ok.isEmpty() ? "-" : ok.get(ok.size() - 1),
                    String.join(", ", notes));
        }
        out.println();
    }

    private static String cell(CameraReport c, String step, long median, Terminal terminal) {
        Optional<StepRecord> r = record(c, step);
        if (r.isEmpty()) {
            return String.format("%" + CELL + "s", "-");
        }
        return switch (r.get().status()) {
            case "ok" -> {
                long ms = r.get().latency().toMillis();
                yield late(ms, median) ? terminal.late(String.format("%" + CELL + "s", ms + "*"))
                        : String.format("%" + CELL + "s", ms);
            }
            case "failed" -> terminal.failed(String.format("%" + CELL + "s", "FAIL"));
            default -> terminal.late(String.format("%" + CELL + "s", "skip"));
        };
    }

    private static boolean late(long ms, long median) {
        return ms >= LATE_MIN_MS && median >= 0 && ms > LATE_FACTOR * Math.max(1, median);
    }

    /** The median latency of a step over the cameras where it succeeded, or -1. */
    private static long median(List<CameraReport> cameras, String step) {
        List<Long> ms = new ArrayList<>();
        for (CameraReport c : cameras) {
            record(c, step).filter(r -> r.status().equals("ok")).ifPresent(r -> ms.add(r.latency().toMillis()));
        }
        ms.sort(Long::compare);
        return ms.isEmpty() ? -1 : ms.get(ms.size() / 2);
    }

    private static Optional<StepRecord> record(CameraReport c, String step) {
        return c.steps().stream().filter(s -> s.step().equals(step)).findFirst();
    }
}
