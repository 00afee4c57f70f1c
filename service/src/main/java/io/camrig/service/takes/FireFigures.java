package io.camrig.service.takes;

import io.camrig.engine.rig.FireResult;

/**
 * A fire's figures as the console charts them (from the engine's {@link FireResult}); each is
 * {@code null} when no camera gave the figure.
 *
 * @param predictedSpreadMs max − min of the predicted arrival instants at the cameras, ms
 * @param observedSpreadMs  max − min of the estimated instants the cameras started (or stopped)
 *                          encoding, ms
 * @param encodingSpreadMs  max − min of the instants the encoding status updates reached the host, ms
 * @param fireSkewMs        max − min of the write instants, ms
 * @param fired             cameras whose shutter command succeeded
 * @param cameras           cameras the fire was sent to
 */
public record FireFigures(Double predictedSpreadMs, Double observedSpreadMs, Double encodingSpreadMs,
                          Double fireSkewMs, int fired, int cameras) {

    /** The figures of an engine fire. */
    public static FireFigures of(FireResult r) {
        return new FireFigures(
                r.predictedSpreadMicros().isPresent() ? r.predictedSpreadMicros().getAsLong() / 1000.0 : null,
                r.observedSpreadMicros().isPresent() ? r.observedSpreadMicros().getAsLong() / 1000.0 : null,
                r.encodingSpreadMicros().isPresent() ? r.encodingSpreadMicros().getAsLong() / 1000.0 : null,
                r.fireSkewMicros().isPresent() ? r.fireSkewMicros().getAsLong() / 1000.0 : null,
                r.shutter().succeeded().size(), r.shutter().outcomes().size());
    }
}
