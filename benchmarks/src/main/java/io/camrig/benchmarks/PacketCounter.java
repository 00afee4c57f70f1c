package io.camrig.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A secondary JMH score: packets produced, reported as a rate next to the primary score (which
 * counts messages). JMH prints it as {@code <benchmark>:packets} in ops/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class PacketCounter {
    /** Packets produced in this iteration. */
    public long packets;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void clear() {
        packets = 0;
    }
}
