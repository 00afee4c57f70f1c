package io.camrig.service.takes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.service.rig.CameraOutcome;
import io.camrig.service.rig.ErrorView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One take, kept by the engine's take store: its manifest ({@code <media-dir>/<take id>/take.json},
 * what {@code camrig takes list|show|verify} read) holds the fire's figures, each camera's
 * identity, its {@code fire on}/{@code fire off} steps and its offloaded files; what only the
 * service shows (each camera's typed outcomes, the fire off's figures, the state) is under the
 * manifest's {@value #EXTENSION} extension. Download progress in flight is kept in memory; once a
 * file is verified (or failed) the manifest says so, across restarts.
 */
public final class Take {
    /** The manifest extension the service keeps its own facts under. */
    public static final String EXTENSION = "camrig-serve";
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final int id;
    private final OffloadQueue queue;
    private final Map<Integer, DownloadView> live = new ConcurrentHashMap<>();

    /** One camera's part of a take. */
    public record CameraPart(int camera, String name, CameraOutcome on, CameraOutcome off, DownloadView download) {
    }

    /**
     * A download's progress.
     *
     * @param state  {@code pending}, {@code running}, {@code done} or {@code failed}
     * @param bytes  bytes written so far
     * @param total  the file's size, bytes (0 until the media list was read)
     * @param file   the file's name on the card, once known
     * @param error  the typed cause when failed
     */
    public record DownloadView(String state, long bytes, long total, String file, ErrorView error) {
    }

    /**
     * The take as the API shows it.
     *
     * @param id      1-based position among the media directory's takes, oldest first
     * @param takeId  the take's id in the take store (its directory name), e.g. {@code 20261207-051900}
     * @param state   {@code recording} until the fire off, then {@code stopped}
     * @param started when the take was created, just after the fire on (ISO-8601 instant)
     * @param stopped when the fire off completed (ISO-8601 instant), or {@code null}
     * @param on      the fire on's figures
     * @param off     the fire off's figures, or {@code null}
     * @param cameras each camera's part, in rig order
     */
    public record View(int id, String takeId, String state, String started, String stopped, FireFigures on,
                       FireFigures off, List<CameraPart> cameras) {
    }

    /**
     * What the service adds to a manifest.
     *
     * @param cameras each camera's index, name, serial (when it names a directory) and outcomes
     */
    record Facts(String state, String stopped, FireFigures on, FireFigures off, List<Part> cameras) {
        Facts {
            cameras = cameras == null ? List.of() : List.copyOf(cameras);
        }
    }

    /** A camera's facts in {@link Facts}. */
    record Part(int camera, String name, String serial, CameraOutcome on, CameraOutcome off) {
    }

    Take(int id, OffloadQueue queue) {
        this.id = id;
        this.queue = queue;
    }

    public int id() {
        return id;
    }

    /** The take store's id of this take. */
    public String takeId() {
        return queue.manifest().takeId();
    }

    OffloadQueue queue() {
        return queue;
    }

    /** The service's facts; for a take another tool made, those its manifest gives. */
    Facts facts() {
        TakeManifest m = queue.manifest();
        Object mine = m.extensions().get(EXTENSION);
        if (mine != null) {
            return JSON.convertValue(mine, Facts.class);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < m.cameras().size(); i++) {
            TakeCamera c = m.cameras().get(i);
            parts.add(new Part(i + 1, c.name(), c.serial(), null, null));
        }
        return new Facts("stopped", null, m.fire() == null ? null : FireFigures.of(m.fire()), null, parts);
    }

    /** {@code true} once the fire off completed. */
    public boolean isStopped() {
        return "stopped".equals(facts().state());
    }

    /** Records a camera's download progress (in memory; the manifest holds the files' outcome). */
    public void download(int camera, DownloadView d) {
        live.put(camera, d);
    }

    /** The cameras whose fire on and off both succeeded (those with a file to download), with their serials. */
    List<Part> recorded() {
        return facts().cameras().stream().filter(p -> p.on() != null && p.on().ok() && p.off() != null && p.off().ok())
                .toList();
    }

    public View view() {
        Facts f = facts();
        TakeManifest m = queue.manifest();
        List<CameraPart> parts = f.cameras().stream().map(p -> new CameraPart(p.camera(), p.name(), p.on(), p.off(),
                Optional.ofNullable(live.get(p.camera())).orElseGet(() -> stored(m, p.serial()))))
                .toList();
        return new View(id, m.takeId(), f.state(), m.createdAt(), f.stopped(), f.on(), f.off(), parts);
    }

    /** A camera's download as the manifest tells it now; {@code null} when it lists no file. */
    DownloadView stored(String serial) {
        return stored(queue.manifest(), serial);
    }

    /**
     * A camera's download as its manifest tells it: done when every file (each chapter of its
     * recording) is verified, named by the first, with their bytes together; else its first failed
     * file, else pending.
     */
    private static DownloadView stored(TakeManifest m, String serial) {
        List<TakeFile> files = serial == null ? List.of()
                : m.camera(serial).map(TakeCamera::files).orElse(List.of());
        if (files.isEmpty()) {
            return null;
        }
        long total = files.stream().mapToLong(TakeFile::size).sum();
        Optional<TakeFile> failed = files.stream().filter(f -> f.state() == TakeFile.State.FAILED).findFirst();
        if (failed.isPresent()) {
            TakeFile f = failed.get();
            return new DownloadView("failed", 0, Math.max(0, f.size()), f.name(), new ErrorView("OffloadFailed",
                    f.error() == null ? "failed" : f.error(), "download"));
        }
        if (files.stream().allMatch(TakeFile::verified)) {
            return new DownloadView("done", total, total, files.get(0).name(), null);
        }
        TakeFile next = files.stream().filter(f -> !f.verified()).findFirst().orElseThrow();
        // A burst's photo has no listed size until it is fetched (TakeFile.SIZE_NOT_LISTED): 0, as before a list was read.
        return new DownloadView("pending", 0, Math.max(0, next.size()), next.name(), null);
    }
}
