package io.camrig.benchmarks;

import io.camrig.benchmarks.support.MessageMix;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link ReassemblerBenchmark}, and this machine's speed at the time: the same
 * mixed packet stream, read in the same order, each packet's payload (all but its first byte)
 * copied into one reused buffer; no header decoding, no checks, no message allocated. One JMH
 * operation is one packet.
 *
 * <p>Run it next to the reassembler: the ratio of the two is what the reassembly logic costs, and
 * it stays put when the host (a shared VM) runs faster or slower, which the absolute figures do
 * not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamCopyBenchmark {
    private byte[][] packets;
    private final byte[] buffer = new byte[1 << 16];
    private int cursor;
    private int position;

    /** The reassembler's mixed stream (same messages, same seed). */
    @Setup
    public void setUp() {
        packets = MessageMix.packets(MessageMix.mixedMessages(ReassemblerBenchmark.MESSAGES, 0x60Fe0));
        cursor = 0;
        position = 0;
        MessageMix.settle();   // as the reassembler's stream, although nothing here moves it
    }

    /** Copies the payload of the next {@value ReassemblerBenchmark#BATCH} packets. */
    @Benchmark
    @OperationsPerInvocation(ReassemblerBenchmark.BATCH)
    public int copyPayloads() {
        byte[][] stream = packets;
        byte[] out = buffer;
        int next = cursor;
        int at = position;
        for (int i = 0; i < ReassemblerBenchmark.BATCH; i++) {
            byte[] packet = stream[next];
            int payload = packet.length - 1;
            if (at + payload > out.length) {
                at = 0;
            }
            System.arraycopy(packet, 1, out, at, payload);
            at += payload;
            if (++next == stream.length) {
                next = 0;
            }
        }
        cursor = next;
        position = at;
        return at;
    }
}
