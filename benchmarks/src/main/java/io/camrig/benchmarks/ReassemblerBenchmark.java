package io.camrig.benchmarks;

import io.camrig.benchmarks.support.MessageMix;
import io.camrig.ble.packet.PacketReassembler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link PacketReassembler#offer(byte[])} (what the engine calls), single-threaded. One JMH operation is
 * one packet (20 bytes at most), so the primary score is <strong>packets/s</strong>; the
 * {@code messages} secondary score is messages completed per second.
 *
 * <p>Streams ({@code stream} parameter), generated once per trial with a fixed seed and
 * packetized by the fragmenter with the smallest header:
 * <ul>
 *   <li>{@code mixed}: {@value #MESSAGES} messages of {@link MessageMix}'s mix (70% one packet,
 *       25% 50–400 bytes, 5% 1,000–8,000 bytes); about 16 packets per message.</li>
 *   <li>{@code large}: {@value #LARGE_MESSAGES} messages of 8,000 bytes, 422 packets each.</li>
 * </ul>
 * Each invocation feeds the next {@value #BATCH} packets, wrapping around the stream; completed
 * messages go to a {@link Blackhole}. With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes
 * allocated per packet; {@link MessageMix#messageBytesPerPacket} is the floor (the messages).
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReassemblerBenchmark {
    /** Packets fed per invocation (JMH operations per invocation). */
    public static final int BATCH = 1024;
    /** Messages in the mixed stream. */
    public static final int MESSAGES = 4096;
    /** Messages in the large stream. */
    public static final int LARGE_MESSAGES = 64;

    /** Which stream: {@code mixed} or {@code large}. */
    @Param({"mixed", "large"})
    public String stream;

    private byte[][] packets;
    private int cursor;
    private PacketReassembler reassembler;

    /** Generates the packet stream (fixed seed) and a fresh reassembler. */
    @Setup
    public void setUp() {
        packets = MessageMix.packets(messages());
        cursor = 0;
        reassembler = new PacketReassembler();
        MessageMix.settle();
    }

    /** The messages of the selected stream, before packetization. */
    public List<byte[]> messages() {
        return switch (stream) {
            case "mixed" -> MessageMix.mixedMessages(MESSAGES, 0x60Fe0);
            case "large" -> MessageMix.largeMessages(LARGE_MESSAGES, 0x60Fe0);
            default -> throw new IllegalArgumentException("unknown stream " + stream);
        };
    }

    /** Number of packets in the generated stream (for reporting). */
    public int streamPackets() {
        return packets.length;
    }

    /** Feeds the next {@value #BATCH} packets; each complete message goes to the blackhole. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void acceptPacket(Blackhole blackhole, MessageCounter counter) {
        byte[][] stream = packets;
        int position = cursor;
        PacketReassembler r = reassembler;
        long completed = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] message = r.offer(stream[position]);
            if (message != null) {
                blackhole.consume(message);
                completed++;
            }
            if (++position == stream.length) {
                position = 0;
            }
        }
        cursor = position;
        counter.messages += completed;
    }
}
