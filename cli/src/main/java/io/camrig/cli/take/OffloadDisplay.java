package io.camrig.cli.take;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code camrig offload} prints: per camera, at most once a second, bytes done of its
 * total (resumed bytes included), rate (bytes fetched in this run per second since the camera
 * started, MB/s) and ETA (seconds); each verified file with its SHA-256 (and whether it was renamed or already
 * there); failures; a summary. With {@code --json}, JSON Lines instead. Thread-safe.
 */
final class OffloadDisplay {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PRINT_EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final String takeId;
    private final Map<String, CameraProgress> cameras = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private volatile boolean finished;
    private int keptOnCamera;     // guarded by this

    OffloadDisplay(PrintWriter out, PrintWriter err, boolean json, String takeId) {
        this(out, err, json, takeId, System::nanoTime);
    }

    /** With {@code nanoTime} as the clock of rates, ETAs and the once-a-second limit (tests). */
    OffloadDisplay(PrintWriter out, PrintWriter err, boolean json, String takeId, java.util.function.LongSupplier nanoTime) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.takeId = takeId;
        this.nanoTime = nanoTime;
    }

    /**
     * One camera's figures: bytes on disk (resumed ones included) for "done of total", bytes
     * fetched in this run for the rate, so a resumed file neither inflates the rate nor shortens the ETA.
     */
    private final class CameraProgress {
        final long start = nanoTime.getAsLong();
        long total;
        long doneFiles;
        long fetchedFiles;
        long currentFetched;
        String currentName;
        long lastPrint = start - PRINT_EVERY_NANOS;
    }

    synchronized void on(OffloadEvent e) {
        CameraProgress p = cameras.computeIfAbsent(e.serial(), s -> new CameraProgress());
        if (e instanceof OffloadEvent.CameraStarted s) {
            p.total = s.bytes();
            line(Map.of("event", "camera", "serial", s.serial(), "files", s.files(), "bytes", s.bytes()),
                    "%s: %d file(s), %s to fetch", TerminalText.safe(s.serial()), s.files(), mb(s.bytes()));
        } else if (e instanceof OffloadEvent.Progress pr) {
            p.currentFetched = pr.bytesFetched();
            p.currentName = pr.file().cameraPath();
            long now = nanoTime.getAsLong();
            if (now - p.lastPrint >= PRINT_EVERY_NANOS) {
                p.lastPrint = now;
                long done = p.doneFiles + pr.bytesDone();
                double secs = (now - p.start) / 1e9;
                double rate = secs > 0 ? (p.fetchedFiles + p.currentFetched) / secs : 0;
                double eta = rate > 0 ? (p.total - done) / rate : 0;
                line(Map.of("event", "progress", "serial", pr.serial(), "file", pr.file().cameraPath(),
                                "bytesDone", done, "bytesTotal", p.total, "bytesPerSecond", (long) rate,
                                "etaSeconds", (long) eta),
                        "%s: %s of %s  %.1f MB/s  ETA %ds", TerminalText.safe(pr.serial()), mb(done), mb(p.total),
                        rate / 1e6, (long) eta);
            }
        } else if (e instanceof OffloadEvent.Verified v) {
            p.doneFiles += v.file().size();
            // a file verified without a progress event (small, or already there) counts whole
            p.fetchedFiles += v.file().cameraPath().equals(p.currentName) ? p.currentFetched
                    : v.result().disposition() == io.camrig.http.DownloadResult.Disposition.IDENTICAL ? 0 : v.file().size();
            p.currentFetched = 0;
            p.currentName = null;
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
                err.printf("camrig offload: %s: %s verified but kept on the camera (%s): %s%n", TerminalText.safe(k.serial()),
                        TerminalText.safe(k.file().cameraPath()), k.reason().name().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' '), TerminalText.safe(k.detail()));
                err.flush();
            }
        } else if (e instanceof OffloadEvent.Failed f) {
            String what = f.file() == null ? "" : f.file().cameraPath() + ": ";
            String why = TerminalText.safe(String.valueOf(f.error().getMessage()));
            if (json) {
                line(Map.of("event", "failed", "serial", f.serial(), "file", f.file() == null ? "" : f.file().cameraPath(),
                        "error", f.error().getClass().getSimpleName(), "message", why), "");
            } else {
                err.printf("camrig offload: %s: %s%s%n", TerminalText.safe(f.serial()), TerminalText.safe(what), why);
                err.flush();
            }
        } else if (e instanceof OffloadEvent.Warning w) {
            if (!json) {
                err.printf("camrig offload: %s: %s%n", TerminalText.safe(w.serial()), TerminalText.safe(w.message()));
                err.flush();
            }
        }
    }

    /** Verified files that {@code --delete-after-verify} left on their cameras so far ({@link OffloadEvent.KeptOnCamera}). */
    synchronized int keptOnCamera() {
        return keptOnCamera;
    }

    synchronized void error(Throwable e) {
        err.println("camrig offload: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.flush();
    }

    /** Called from the shutdown hook after Ctrl-C, once the run has stopped. */
    synchronized void interrupted() {
        if (finished) {
            return;
        }
        err.printf("%ncamrig offload: interrupted; partial files and the take's manifest are kept. "
                + "Resume with: camrig offload --take %s --url …%n", takeId);
        err.flush();
    }

    synchronized void summary(TakeManifest m) {
        finished = true;
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
                        "cameras", perCamera, "keptOnCamera", keptOnCamera),
                "take %s: %d file(s) verified, %d remaining%s%s", m.takeId(), verified, left,
                left == 0 ? "" : " (run again with --take " + m.takeId() + " to resume)",
                keptOnCamera == 0 ? "" : "; " + keptOnCamera + " verified file(s) could not be deleted from their camera");
    }

    /** The take this run created had nothing to fetch and was removed ({@link EmptyTake}). */
    synchronized void nothingToFetch(TakeManifest m) {
        finished = true;
        line(Map.of("event", "summary", "take", m.takeId(), "verified", 0, "remaining", 0, "cameras", Map.of(),
                        "kept", false),
                "nothing to fetch from %d camera(s): take %s not kept", m.cameras().size(), m.takeId());
    }

    private void line(Map<String, Object> fields, String format, Object... args) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(fields));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.printf(format + "%n", args);
        }
        out.flush();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
