package io.camrig.cli.take;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.LiveBlock;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code camrig offload} prints: per camera, at most once a second, bytes done of its
 * total (resumed bytes included), rate (bytes fetched in this run per second since the camera
 * started, MB/s) and ETA (seconds); each verified file with its SHA-256 (and whether it was renamed or already
 * there); failures; a summary. With {@code --json}, JSON Lines instead. On a terminal ({@link
 * LiveBlock}) the per-camera figures are a block of rows at the bottom, one per camera, redrawn in
 * place at most every {@value #REDRAW_EVERY_MILLIS} ms, with the other lines printed above it;
 * elsewhere (a pipe, a log) a progress line per camera at most once a second. Thread-safe.
 */
final class OffloadDisplay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PRINT_EVERY_NANOS = 1_000_000_000L;
    static final long REDRAW_EVERY_MILLIS = 200;

    private LiveBlock live;
    private long lastRedraw = Long.MIN_VALUE;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final String resume;
    private final Map<String, CameraProgress> cameras = new LinkedHashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private volatile boolean finished;
    private int rejected;    // guarded by this
    private int keptOnCamera;     // guarded by this

    /**
     * @param resume the command line that resumes this run ({@link ResumeCommand}), said after Ctrl-C
     * @param live the terminal's live block for the per-camera rows, or {@code null} for progress
     *             lines (not a terminal, or {@code --json})
     */
    OffloadDisplay(PrintWriter out, PrintWriter err, boolean json, String resume, LiveBlock live) {
        this(out, err, json, resume, live, System::nanoTime);
    }

    /** With {@code nanoTime} as the clock of rates, ETAs and the print and redraw limits (tests). */
    OffloadDisplay(PrintWriter out, PrintWriter err, boolean json, String resume, LiveBlock live,
            java.util.function.LongSupplier nanoTime) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.resume = resume;
        this.live = json ? null : live;
        this.nanoTime = nanoTime;
    }

    /**
     * One camera's figures: bytes on disk (resumed ones included) for "done of total", bytes
     * fetched in this run for the rate, so a resumed file neither inflates the rate nor shortens the ETA.
     */
    private final class CameraProgress {
        final long start = nanoTime.getAsLong();
        long total;
        int files;
        int verified;
        int failed;
        boolean finished;
        double finishedRate;
        long doneFiles;
        long fetchedFiles;
        long currentDone;
        long currentFetched;
        String currentName;
        long lastPrint = start - PRINT_EVERY_NANOS;

        long done() {
            return doneFiles + currentDone;
        }

        /** Bytes fetched in this run per second since the camera started. */
        double rate(long now) {
            double secs = (now - start) / 1e9;
            return secs > 0 ? (fetchedFiles + currentFetched) / secs : 0;
        }

        /** Seconds left at {@link #rate}, rounded up: while bytes remain never "0 s". */
        long eta(long now) {
            double rate = rate(now);
            // max 0: a group's members, whose sizes are not listed, are not in the total
            return rate > 0 ? (long) Math.ceil(Math.max(0, total - done()) / rate) : 0;
        }
    }

    synchronized void on(OffloadEvent e) {
        CameraProgress p = cameras.computeIfAbsent(e.serial(), s -> new CameraProgress());
        if (e instanceof OffloadEvent.CameraStarted s) {
            p.total = s.bytes();
            p.files = s.files();
            line(Map.of("event", "camera", "serial", s.serial(), "files", s.files(), "bytes", s.bytes(),
                            "bytesOnDisk", s.bytesOnDisk()),
                    "%s: %d file(s), %s to fetch%s", TerminalText.safe(s.serial()), s.files(), mb(s.bytes()),
                    s.bytesOnDisk() == 0 ? "" : " (" + mb(s.bytesOnDisk()) + " of it already on disk: resumed)");
        } else if (e instanceof OffloadEvent.Progress pr) {
            p.currentDone = pr.bytesDone();
            p.currentFetched = pr.bytesFetched();
            p.currentName = pr.file().cameraPath();
            long now = nanoTime.getAsLong();
            if (live != null) {
                if (lastRedraw == Long.MIN_VALUE || now - lastRedraw >= REDRAW_EVERY_MILLIS * 1_000_000L) {
                    lastRedraw = now;
                    live.show(rows(now));
                }
            } else if (now - p.lastPrint >= PRINT_EVERY_NANOS) {
                p.lastPrint = now;
                long done = p.done();
                double rate = p.rate(now);
                long eta = p.eta(now);
                line(Map.of("event", "progress", "serial", pr.serial(), "file", pr.file().cameraPath(),
                                "bytesDone", done, "bytesTotal", p.total, "bytesPerSecond", (long) rate,
                                "etaSeconds", eta),
                        "%s: %s of %s  %.1f MB/s  ETA %ds", TerminalText.safe(pr.serial()), mb(done), mb(p.total),
                        rate / 1e6, eta);
            }
        } else if (e instanceof OffloadEvent.Verified v) {
            p.doneFiles += v.file().size();
            // a file verified without a progress event (small, or already there) counts whole
            p.fetchedFiles += v.file().cameraPath().equals(p.currentName) ? p.currentFetched
                    : v.result().disposition() == io.camrig.http.DownloadResult.Disposition.IDENTICAL ? 0 : v.file().size();
            p.currentDone = 0;
            p.currentFetched = 0;
            p.currentName = null;
            p.verified++;
            String how = switch (v.result().disposition()) {
                case WRITTEN -> "";
                case IDENTICAL -> "  (already there, identical: kept)";
                case RENAMED -> "  (another file had the name: kept it, wrote this one as "
                        + v.result().path().getFileName() + ")";
            };
            line(Map.of("event", "verified", "serial", v.serial(), "file", v.file().cameraPath(),
                            "bytes", v.result().bytes(), "sha256", v.result().sha256(),
                            "path", v.result().path().toString(), "disposition", v.result().disposition().name()),
                    "%s: %s  %d bytes  sha256 %s%s", TerminalText.safe(v.serial()), TerminalText.safe(v.file().cameraPath()),
                    v.result().bytes(), v.result().sha256(), how);
        } else if (e instanceof OffloadEvent.DeletedFromCamera d) {
            line(Map.of("event", "deleted", "serial", d.serial(), "file", d.file().cameraPath()),
                    "%s: %s deleted from the camera", TerminalText.safe(d.serial()), TerminalText.safe(d.file().cameraPath()));
        } else if (e instanceof OffloadEvent.KeptOnCamera k) {
            keptOnCamera++;
            if (json) {
                line(Map.of("event", "kept", "serial", k.serial(), "file", k.file().cameraPath(),
                        "reason", k.reason().name(), "detail", TerminalText.safe(k.detail())), "");
            } else {
                problem("camrig offload: %s: %s verified but kept on the camera (%s): %s%n", TerminalText.safe(k.serial()),
                        TerminalText.safe(k.file().cameraPath()), k.reason().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '), TerminalText.safe(k.detail()));
            }
        } else if (e instanceof OffloadEvent.Failed f) {
            String what = f.file() == null ? "" : f.file().cameraPath() + ": ";
            String why = TerminalText.safe(String.valueOf(f.error().getMessage()));
            if (f.file() != null) {
                // its bytes stay on disk in the part file, for a resume: still done, still fetched
                p.failed++;
                p.doneFiles += p.currentDone;
                p.fetchedFiles += p.currentFetched;
                p.currentDone = 0;
                p.currentFetched = 0;
                p.currentName = null;
            }
            if (json) {
                line(Map.of("event", "failed", "serial", f.serial(), "file", f.file() == null ? "" : f.file().cameraPath(),
                        "error", f.error().getClass().getSimpleName(), "message", why), "");
            } else {
                problem("camrig offload: %s: %s%s%n", TerminalText.safe(f.serial()), TerminalText.safe(what), why);
            }
        } else if (e instanceof OffloadEvent.Warning w) {
            if (!json) {
                problem("camrig offload: %s: %s%n", TerminalText.safe(w.serial()), TerminalText.safe(w.message()));
            }
        } else if (e instanceof OffloadEvent.CameraDone) {
            p.finished = true;
            p.finishedRate = p.rate(nanoTime.getAsLong());
            if (live != null) {
                live.show(rows(nanoTime.getAsLong()));
            }
        }
    }

    /**
     * The live block's rows, one per camera: percent, bytes done of its total, rate, ETA, files
     * verified of all, the file under way; once the camera is done, its files and failures.
     */
    private List<String> rows(long now) {
        List<String> rows = new ArrayList<>();
        cameras.forEach((serial, p) -> {
            long done = p.done();
            int percent = p.total > 0 ? (int) Math.min(100, done * 100 / p.total) : 100;
            if (p.verified < p.files) {
                // A group's photos have no listed size (not in the total): not 100 % while files are left.
                percent = Math.min(99, percent);
            }
            String files = String.format("%d/%d files", p.verified, p.files) + (p.failed == 0 ? "" : ", " + p.failed + " failed");
            double rate = p.rate(now);
            rows.add(p.finished
                    ? String.format("%s  done  %s  %s  %.1f MB/s", TerminalText.safe(serial),
                            done < p.total ? mb(done) + " of " + mb(p.total) : mb(done), files, p.finishedRate / 1e6)
                    : String.format("%s  %3d%%  %s of %s  %.1f MB/s  ETA %s  %s%s", TerminalText.safe(serial), percent,
                            mb(done), mb(p.total), rate / 1e6, rate > 0 ? p.eta(now) + "s" : "-", files,
                            p.currentName == null ? "" : "  " + TerminalText.safe(p.currentName)));
        });
        return rows;
    }

    /** A line for the operator on {@code err} (e.g. why files were queued), above the live block when there is one. */
    synchronized void note(String line) {
        problem("%s%n", line);
    }

    /** A failure or warning on {@code err}, above the live block when there is one. */
    private void problem(String format, Object... args) {
        Runnable print = () -> {
            err.printf(format, args);
            err.flush();
        };
        if (live != null) {
            live.above(print, rows(nanoTime.getAsLong()));
        } else {
            print.run();
        }
    }

    /** A file of {@code serial}'s card that is not fetched because its folder or name cannot be a path. */
    synchronized void rejected(String serial, io.camrig.http.UnsafeMediaNameException e) {
        rejected++;
        String file = TerminalText.safe(e.entry().shownPath());
        String why = TerminalText.safe(e.entry().reason());
        if (json) {
            line(Map.of("event", "rejected", "serial", serial, "file", file,
                    "error", e.getClass().getSimpleName(), "message", why), "");
        } else {
            // A group the decoder refused (its photos cannot be named) has a reason starting "group".
            problem("camrig offload: %s: not fetched, %s (%s): %s%n", TerminalText.safe(serial),
                    e.entry().reason().startsWith("group") ? "its photos cannot be named" : "its name cannot be a path",
                    e.getClass().getSimpleName(), why);
        }
    }

    /** Files refused so far for their names ({@link #rejected}). */
    synchronized int rejectedFiles() {
        return rejected;
    }

    /** Verified files that {@code --delete-after-verify} left on their cameras so far ({@link OffloadEvent.KeptOnCamera}). */
    synchronized int keptOnCamera() {
        return keptOnCamera;
    }

    synchronized void error(Throwable e) {
        problem("camrig offload: %s: %s%n", e.getClass().getSimpleName(), e.getMessage());
    }

    /** Called from the shutdown hook after Ctrl-C, once the run has stopped. */
    synchronized void interrupted() {
        if (finished) {
            return;
        }
        release();
        err.printf("%ncamrig offload: interrupted; partial files and the take's manifest are kept. "
                + "Resume with:%n  %s%n", TerminalText.safe(resume));
        err.flush();
    }

    synchronized void summary(TakeManifest m) {
        finished = true;
        release();
        int verified = 0;
        int left = 0;
        Map<String, Object> perCamera = new LinkedHashMap<>();
        for (TakeCamera c : m.cameras()) {
            int v = (int) c.files().stream().filter(TakeFile::verified).count();
            verified += v;
            left += c.files().size() - v;
            perCamera.put(c.serial(), Map.of("verified", v, "remaining", c.files().size() - v));
        }
        line(Map.of("event", "summary", "take", m.takeId(), "verified", verified, "remaining", left,
                        "rejected", rejected, "cameras", perCamera, "keptOnCamera", keptOnCamera),
                "take %s: %d file(s) verified, %d remaining%s%s%s", m.takeId(), verified, left,
                rejected == 0 ? "" : ", " + rejected + " refused for their names",
                left == 0 ? "" : " (run again with --take " + m.takeId() + " to resume)",
                keptOnCamera == 0 ? "" : "; " + keptOnCamera + " verified file(s) could not be deleted from their camera");
    }

    /** The take this run created had nothing to fetch and was removed ({@link EmptyTake}). */
    synchronized void nothingToFetch(TakeManifest m) {
        finished = true;
        release();
        line(Map.of("event", "summary", "take", m.takeId(), "verified", 0, "remaining", 0, "cameras", Map.of(),
                        "kept", false),
                "nothing to fetch from %d camera(s): take %s not kept", m.cameras().size(), m.takeId());
    }

    /** The live block's last rows left on the terminal as they stand; what follows prints below. */
    private void release() {
        if (live != null) {
            live.show(rows(nanoTime.getAsLong()));
            live.release();
            live = null;
        }
    }

    private void line(Map<String, Object> fields, String format, Object... args) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(fields));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (live != null) {
            live.above(() -> out.printf(format + "%n", args), rows(nanoTime.getAsLong()));
        } else {
            out.printf(format + "%n", args);
        }
        out.flush();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
