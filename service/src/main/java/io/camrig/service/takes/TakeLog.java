package io.camrig.service.takes;

import io.camrig.service.rig.CameraOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The takes of this service run, in memory, newest last: a fire on opens one, the next fire off
 * closes it. Kept apart behind this small API so that the persistent takes and manifests of the
 * take/offload work can replace it (a manifest per take) without touching the routes. The last
 * {@value #KEPT} takes are kept.
 */
public final class TakeLog {
    /** Takes kept in memory. */
    public static final int KEPT = 500;

    private final List<Take> takes = new ArrayList<>();
    private int next = 1;

    /** Opens a take for a fire on. */
    public synchronized Take started(FireFigures on, List<CameraOutcome> outcomes) {
        Take t = new Take(next++, Instant.now(), on, outcomes);
        takes.add(t);
        if (takes.size() > KEPT) {
            takes.remove(0);
        }
        return t;
    }

    /** Closes the open take with a fire off; empty when no take was recording. */
    public synchronized Optional<Take> stopped(FireFigures off, List<CameraOutcome> outcomes) {
        Optional<Take> open = takes.isEmpty() ? Optional.empty()
                : Optional.of(takes.get(takes.size() - 1)).filter(t -> !t.isStopped());
        open.ifPresent(t -> t.stop(Instant.now(), off, outcomes));
        return open;
    }

    public synchronized Optional<Take> get(int id) {
        return takes.stream().filter(t -> t.id() == id).findFirst();
    }

    /** Every take kept, oldest first. */
    public synchronized List<Take.View> views() {
        return takes.stream().map(Take::view).toList();
    }
}
