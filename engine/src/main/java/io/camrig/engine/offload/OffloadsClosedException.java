package io.camrig.engine.offload;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * An offload asked of, or under way in, a process that is stopping ({@link OffloadRuns#close}):
 * nothing more is fetched; partial files stay, and a later offload resumes them.
 */
public class OffloadsClosedException extends PermanentCamrigException {
    public OffloadsClosedException(String owner) {
        super(owner + " is stopping: no offload runs any more; partial files are kept for a later offload to resume",
                null, "offload", null);
    }
}
