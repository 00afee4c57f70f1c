package io.camrig.engine.session;

import io.camrig.engine.rig.FireResult;
import io.camrig.engine.sync.TakeSync;
import io.camrig.footage.FootageFacts;
import java.util.Map;
import java.util.Optional;

/**
 * One record cycle of a session (arm, fire on, record, fire off, download).
 *
 * @param cycle    1-based cycle number
 * @param outcomes camera name → {@code ok}, or {@code failed in <step>: <reason>}, in rig order
 * @param files    camera name → the file downloaded in this cycle
 * @param fire     the shutter-on fire of this cycle, or {@code null} if it never happened
 * @param sync     whether the take's cameras started together (fire and footage), or {@code null}
 *                 when the fire never happened
 * @param footage  camera name → what its downloaded file says about itself (udta, mvhd, tmcd,
 *                 GPMF), for the files that could be read
 */
public record CycleReport(int cycle, Map<String, String> outcomes, Map<String, String> files, FireResult fire,
                          TakeSync sync, Map<String, FootageFacts> footage) {
    public CycleReport {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        footage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(footage));
    }

    /** A cycle without sync figures or footage. */
    public CycleReport(int cycle, Map<String, String> outcomes, Map<String, String> files, FireResult fire) {
        this(cycle, outcomes, files, fire, null, Map.of());
    }

    /** The take's sync figures, when the fire happened. */
    public Optional<TakeSync> syncReport() {
        return Optional.ofNullable(sync);
    }

    /**
     * {@code true} when the take succeeded: every camera completed it, it was fired, and no camera
     * started out of tolerance or has footage that disagrees with the fire.
     */
    public boolean ok() {
        return fire != null && succeeded() == outcomes.size() && (sync == null || sync.ok());
    }

    /** How many cameras completed the cycle. */
    public long succeeded() {
        return outcomes.values().stream().filter("ok"::equals).count();
    }
}
