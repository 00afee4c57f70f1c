package io.camrig.engine.take;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The manifest of one take, {@code <media-dir>/<take id>/take.json} (schema {@value #SCHEMA}): an
 * open, documented record that other tools extend. Unknown JSON properties are an error nowhere:
 * tools add their facts under {@code extensions} (take level), {@link TakeCamera#extensions()}
 * (camera level) or {@link TakeFile#footage()} (file level), or as new nullable components with
 * {@code with…} methods (a reader of an older manifest gets {@code null}).
 *
 * @param schema the manifest's schema version, {@value #SCHEMA}
 * @param rigId the rig's id (user-chosen, e.g. {@code demo} or a stage name)
 * @param takeId the take's id, also its directory name: {@code yyyyMMdd-HHmmss} UTC of its
 *     creation, {@code -n} appended when taken
 * @param createdAt when the take was created, ISO-8601 UTC
 * @param fire the fire's figures; {@code null} for an offload of a whole card (no fire)
 * @param cameras one entry per camera, in rig order
 * @param extensions open record of take-level facts (e.g. the footage spread), keyed by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TakeManifest(int schema, String rigId, String takeId, String createdAt, FireFigures fire,
        List<TakeCamera> cameras, Map<String, Object> extensions) {

    /** The schema this code writes. */
    public static final int SCHEMA = 1;

    /**
     * What the rig measured when it fired the shutter (see {@code io.camrig.engine.rig.FireResult}).
     *
     * @param fireSkewMicros max − min of the write instants, µs
     * @param predictedSpreadMicros max − min of predicted arrivals at the cameras, µs
     * @param observedSpreadMillis max − min of estimated encoding starts, ms
     * @param encodingSpreadMillis max − min of "encoding" status arrivals at the host, ms
     * @param shutterOk cameras whose shutter command succeeded
     * @param cameras cameras fired
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FireFigures(Long fireSkewMicros, Long predictedSpreadMicros, Double observedSpreadMillis,
            Double encodingSpreadMillis, int shutterOk, int cameras) {

        /** The figures of {@code fire} on a rig of {@code cameras}; {@code null} without a fire. */
        public static FireFigures of(io.camrig.engine.rig.FireResult fire, int cameras) {
            if (fire == null) {
                return null;
            }
            return new FireFigures(
                    fire.fireSkewMicros().isPresent() ? fire.fireSkewMicros().getAsLong() : null,
                    fire.predictedSpreadMicros().isPresent() ? fire.predictedSpreadMicros().getAsLong() : null,
                    fire.observedSpreadMicros().isPresent() ? fire.observedSpreadMicros().getAsLong() / 1000.0 : null,
                    fire.encodingSpreadMicros().isPresent() ? fire.encodingSpreadMicros().getAsLong() / 1000.0 : null,
                    fire.shutter().succeeded().size(), cameras);
        }
    }

    public TakeManifest {
        Objects.requireNonNull(rigId, "rigId");
        Objects.requireNonNull(takeId, "takeId");
        Objects.requireNonNull(createdAt, "createdAt");
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    /** The camera with this serial, if in the take. */
    public Optional<TakeCamera> camera(String serial) {
        return cameras.stream().filter(c -> c.serial().equals(serial)).findFirst();
    }

    /** A copy with {@code camera} added, or replacing the one with its serial. */
    public TakeManifest withCamera(TakeCamera camera) {
        List<TakeCamera> out = new ArrayList<>(cameras);
        int at = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).serial().equals(camera.serial())) {
                at = i;
            }
        }
        if (at < 0) {
            out.add(camera);
        } else {
            out.set(at, camera);
        }
        return new TakeManifest(schema, rigId, takeId, createdAt, fire, out, extensions);
    }

    /** A copy with the camera of {@code serial} changed by {@code change}; unchanged when absent. */
    public TakeManifest updateCamera(String serial, UnaryOperator<TakeCamera> change) {
        return camera(serial).map(c -> withCamera(change.apply(c))).orElse(this);
    }

    /** A copy with the fire's figures. */
    public TakeManifest withFire(FireFigures figures) {
        return new TakeManifest(schema, rigId, takeId, createdAt, figures, cameras, extensions);
    }

    /** A copy with one take-level fact set. */
    public TakeManifest withExtension(String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>(extensions);
        e.put(key, value);
        return new TakeManifest(schema, rigId, takeId, createdAt, fire, cameras, e);
    }

    /** Files of every camera still to fetch (not verified). */
    public int pendingFiles() {
        return (int) cameras.stream().flatMap(c -> c.files().stream()).filter(f -> !f.verified()).count();
    }
}
