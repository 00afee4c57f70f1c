package io.camrig.cluster.wire;

/**
 * One NTP-style clock exchange over the broker: the node sends {@code t1} (its clock) on
 * {@code camrig/v1/node/{node}/clock}; the coordinator answers on
 * {@code camrig/v1/coord/clock/{node}} with {@code t2} (its clock at receipt) and {@code t3} (at
 * sending); the node notes {@code t4} at receipt. QoS 0: a lost exchange is just not counted.
 *
 * @param seq the exchange's number, per node
 * @param t1  node clock at sending, ns
 * @param t2  coordinator clock at receipt, ns (0 in the request)
 * @param t3  coordinator clock at answering, ns (0 in the request)
 */
public record ClockExchange(long seq, long t1, long t2, long t3) {
}
