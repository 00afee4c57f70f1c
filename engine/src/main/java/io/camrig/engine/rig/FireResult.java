package io.camrig.engine.rig;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The result of a synchronized fire of the shutter.
 *
 * @param shutter              per-camera outcome of the shutter command; the value is the instant
 *                             ({@link System#nanoTime()}) its write was issued to the transport
 * @param encoding             per-camera outcome of waiting for the encoding status (10) to
 *                             change; the value is the instant the status update arrived
 * @param fireSkewMicros       max − min of the write instants, µs (with latency compensation this
 *                             is deliberately about the spread of the cameras' latencies)
 * @param predictedSpreadMicros max − min of the predicted arrival instants at the cameras (write
 *                             instant + estimated one-way latency), µs
 * @param observedSpreadMillis max − min of the estimated instants the cameras started encoding
 *                             (status arrival − estimated one-way latency), ms
 * @param encodingSpreadMillis max − min of the instants the "encoding" status updates arrived at
 *                             the host, ms (includes the return trip)
 */
public record FireResult(RigResult<Long> shutter, RigResult<Long> encoding, OptionalLong fireSkewMicros,
                         OptionalLong predictedSpreadMicros, OptionalDouble observedSpreadMillis,
                         OptionalDouble encodingSpreadMillis) {
}
