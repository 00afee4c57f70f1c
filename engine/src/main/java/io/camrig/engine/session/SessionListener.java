package io.camrig.engine.session;

import io.camrig.engine.rig.RigMember;
import io.camrig.http.DownloadProgress;

/**
 * Told of a session's progress as it happens (for progress bars and logs). Called from Reactor
 * threads; implementations must be thread-safe and quick.
 */
public interface SessionListener {
    /** A rig-wide step begins. */
    default void onStep(String step) {
    }

    /** A camera's download progressed. */
    default void onDownloadProgress(RigMember member, DownloadProgress progress) {
    }

    /** A listener that ignores everything. */
    static SessionListener none() {
        return new SessionListener() {
        };
    }
}
