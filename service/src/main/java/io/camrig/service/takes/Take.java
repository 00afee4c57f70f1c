package io.camrig.service.takes;

import io.camrig.service.rig.CameraOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One take: started by a fire on, ended by a fire off, with each camera's outcome of both and
 * its download. Mutable, confined to its own lock; {@link #view()} is the immutable snapshot the
 * API and the events show.
 */
public final class Take {
    private final int id;
    private final Instant started;
    private Instant stopped;
    private FireFigures on;
    private FireFigures off;
    private final Map<Integer, CameraPart> cameras = new LinkedHashMap<>();

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
    public record DownloadView(String state, long bytes, long total, String file,
                               io.camrig.service.rig.ErrorView error) {
    }

    /**
     * The take as the API shows it.
     *
     * @param id      1-based, in order of the fires on
     * @param state   {@code recording} until the fire off, then {@code stopped}
     * @param started when the fire on completed (ISO-8601 instant)
     * @param stopped when the fire off completed (ISO-8601 instant), or {@code null}
     * @param on      the fire on's figures
     * @param off     the fire off's figures, or {@code null}
     * @param cameras each camera's part, in rig order
     */
    public record View(int id, String state, String started, String stopped, FireFigures on, FireFigures off,
                       List<CameraPart> cameras) {
    }

    Take(int id, Instant started, FireFigures on, List<CameraOutcome> outcomes) {
        this.id = id;
        this.started = started;
        this.on = on;
        outcomes.forEach(o -> cameras.put(o.camera(), new CameraPart(o.camera(), o.name(), o, null, null)));
    }

    public int id() {
        return id;
    }

    synchronized void stop(Instant when, FireFigures figures, List<CameraOutcome> outcomes) {
        stopped = when;
        off = figures;
        outcomes.forEach(o -> cameras.computeIfPresent(o.camera(),
                (k, p) -> new CameraPart(p.camera(), p.name(), p.on(), o, p.download())));
    }

    /** {@code true} once the fire off completed. */
    public synchronized boolean isStopped() {
        return stopped != null;
    }

    /** Records a camera's download progress. */
    public synchronized void download(int camera, DownloadView d) {
        cameras.computeIfPresent(camera, (k, p) -> new CameraPart(p.camera(), p.name(), p.on(), p.off(), d));
    }

    /** The cameras whose fire on and off both succeeded (those with a file to download). */
    public synchronized List<Integer> recorded() {
        return cameras.values().stream().filter(p -> p.on() != null && p.on().ok() && p.off() != null && p.off().ok())
                .map(CameraPart::camera).toList();
    }

    public synchronized View view() {
        return new View(id, stopped == null ? "recording" : "stopped", started.toString(),
                stopped == null ? null : stopped.toString(), on, off,
                List.copyOf(cameras.values()));
    }
}
