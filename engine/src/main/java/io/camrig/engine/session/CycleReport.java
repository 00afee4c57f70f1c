package io.camrig.engine.session;

import io.camrig.engine.rig.FireResult;
import java.util.Map;

/**
 * One record cycle of a session (arm, fire on, record, fire off, download).
 *
 * @param cycle    1-based cycle number
 * @param outcomes camera name → {@code ok}, or {@code failed in <step>: <reason>}, in rig order
 * @param files    camera name → the file downloaded in this cycle
 * @param fire     the shutter-on fire of this cycle, or {@code null} if it never happened
 * @param takeId   the cycle's take (its directory under the media directory, with {@code take.json}),
 *                 or {@code ""} when none was created
 */
public record CycleReport(int cycle, Map<String, String> outcomes, Map<String, String> files, FireResult fire,
                          String takeId) {
    /** A cycle without a take. */
    public CycleReport(int cycle, Map<String, String> outcomes, Map<String, String> files, FireResult fire) {
        this(cycle, outcomes, files, fire, "");
    }

    public CycleReport {
        takeId = takeId == null ? "" : takeId;
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** How many cameras completed the cycle. */
    public long succeeded() {
        return outcomes.values().stream().filter("ok"::equals).count();
    }
}
