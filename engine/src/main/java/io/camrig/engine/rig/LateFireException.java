package io.camrig.engine.rig;

import io.camrig.proto.error.PermanentCamrigException;
import java.time.Duration;

/**
 * A fire timed for an instant ({@link Rig#fireAt}) could not be released in time: its first write
 * would have gone out {@link #lateBy()} after its instant, more than the limit allowed. Nothing was
 * written; a late fire would put this camera out of step with the rest of the rig.
 */
public class LateFireException extends PermanentCamrigException {
    private final long lateNanos;

    public LateFireException(long lateNanos, long limitNanos) {
        super(String.format("fire refused: %.3f ms late (limit %.3f ms)", lateNanos / 1e6, limitNanos / 1e6),
                null, "fire", null);
        this.lateNanos = lateNanos;
    }

    /** How late the release would have been. */
    public Duration lateBy() {
        return Duration.ofNanos(lateNanos);
    }
}
