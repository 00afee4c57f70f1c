package io.camrig.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A secondary JMH score: messages completed, reported as a rate next to the primary score (which
 * counts packets). JMH prints it as {@code <benchmark>:messages} in ops/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class MessageCounter {
    /** Messages completed in this iteration. */
    public long messages;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void clear() {
        messages = 0;
    }
}
