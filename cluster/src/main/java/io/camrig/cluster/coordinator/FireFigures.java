package io.camrig.cluster.coordinator;

import io.camrig.cluster.wire.Reply;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The cross-node figures of the last fire of a {@link DistributedRig}.
 *
 * @param atNanos              instant T, coordinator clock, ns
 * @param leadNanos            how far ahead T was chosen, ns
 * @param writeSpreadNanos     max − min of every camera's write instant across nodes, in the
 *                             coordinator's clock as the nodes estimate it, ns
 * @param hostWriteSpreadNanos the same from the nodes' raw monotonic instants: the true spread when
 *                             every node runs on one machine (tests, benchmarks), meaningless across
 *                             hosts, ns
 * @param hostArrivalSpreadNanos max − min of the predicted arrival instants at the cameras (raw
 *                             monotonic write instant + the camera's estimated one-way latency): what
 *                             the fire aims to make zero; true on one machine only, ns
 * @param hostWrites           camera ("node/name") → raw monotonic write instant, ns
 * @param clocks               node → its clock figures at the fire
 */
public record FireFigures(long atNanos, long leadNanos, OptionalLong writeSpreadNanos, OptionalLong hostWriteSpreadNanos,
                          OptionalLong hostArrivalSpreadNanos,
                          Map<String, Long> hostWrites, Map<String, Reply.ClockFigures> clocks) {
}
