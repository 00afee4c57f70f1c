package io.camrig.engine.rig;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The result of a synchronized fire of the shutter. Every spread is max − min over the cameras
 * whose shutter command succeeded, in <strong>microseconds</strong>; every per-camera instant is a
 * {@link Duration} from the moment the fire thread began releasing the writes.
 *
 * @param shutter               per-camera outcome of the shutter command; the value is when its
 *                              write was issued to the transport, after the release began
 * @param encoding              per-camera outcome of waiting for the encoding status (10) to
 *                              change; the value is when that status update arrived at the host,
 *                              after the release began (the outcome's latency is from the write)
 * @param compensated           {@code true} when every fired camera had a latency estimate and
 *                              latency compensation was on (estimates less than 1 ms apart are
 *                              still compensated: the writes then leave at once)
 * @param fireSkewMicros        spread of the write instants, µs (with compensation this is
 *                              deliberately about the spread of the cameras' latencies)
 * @param predictedSpreadMicros spread of the predicted arrival instants at the cameras (write
 *                              instant + estimated one-way latency), µs; empty when a fired camera
 *                              had no estimate: no prediction is made from estimates that do not
 *                              exist
 * @param observedSpreadMicros  spread of the estimated instants the cameras started encoding
 *                              (status arrival − estimated one-way latency), µs
 * @param encodingSpreadMicros  spread of the instants the "encoding" status updates arrived at the
 *                              host, µs (includes the return trip)
 */
public record FireResult(RigResult<Duration> shutter, RigResult<Duration> encoding, boolean compensated,
                         OptionalLong fireSkewMicros, OptionalLong predictedSpreadMicros,
                         OptionalLong observedSpreadMicros, OptionalLong encodingSpreadMicros) {
}
