package io.camrig.engine.rig;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The result of a synchronized fire of the shutter.
 *
 * @param shutter          per-camera outcome of the shutter command; the value is the instant
 *                         ({@link System#nanoTime()}) its write was issued to the transport
 * @param encoding         per-camera outcome of waiting for the encoding status to change; the
 *                         value is the instant ({@link System#nanoTime()}) the status update
 *                         arrived
 * @param fireSkewMicros   max − min of the write instants, in µs (empty with fewer than one camera)
 * @param encodingSpreadMillis max − min of the encoding-change instants, in ms
 */
public record FireResult(RigResult<Long> shutter, RigResult<Long> encoding, OptionalLong fireSkewMicros,
                         OptionalDouble encodingSpreadMillis) {
}
