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
                r.observedSpreadMicros().isPresent() ? round(r.observedSpreadMicros().getAsLong() / 1000.0) : null,
                r.encodingSpreadMicros().isPresent() ? round(r.encodingSpreadMicros().getAsLong() / 1000.0) : null,
                r.fireSkewMicros().isPresent() ? r.fireSkewMicros().getAsLong() / 1000.0 : null,
                r.shutter().succeeded().size(), r.shutter().outcomes().size());
    }

    /** The figures a take manifest records (µs for the write skew and predicted spread). */
    public io.camrig.engine.take.TakeManifest.FireFigures manifest() {
        return new io.camrig.engine.take.TakeManifest.FireFigures(
                fireSkewMs == null ? null : Math.round(fireSkewMs * 1000),
                predictedSpreadMs == null ? null : Math.round(predictedSpreadMs * 1000),
                observedSpreadMs, encodingSpreadMs, fired, cameras);
    }

    /** The figures of a take manifest (a take another tool made). */
    public static FireFigures of(io.camrig.engine.take.TakeManifest.FireFigures f) {
        return new FireFigures(f.predictedSpreadMicros() == null ? null : f.predictedSpreadMicros() / 1000.0,
                f.observedSpreadMillis(), f.encodingSpreadMillis(),
                f.fireSkewMicros() == null ? null : f.fireSkewMicros() / 1000.0, f.shutterOk(), f.cameras());
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
