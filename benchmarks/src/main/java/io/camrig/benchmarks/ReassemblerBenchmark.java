package io.camrig.benchmarks;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.ble.packet.PacketReassembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link PacketReassembler#accept(byte[])} on a realistic notification stream.
 * One JMH operation is one packet (20 bytes at most); the score is nanoseconds per packet.
 *
 * <p>The stream is generated once per trial with a fixed seed: {@value #MESSAGES} messages,
 * 70% of 3-19 bytes (one packet: status and setting pushes, command responses), 25% of 50-400
 * bytes (3-22 packets: query responses, protobuf notifications), 5% of 1,000-8,000 bytes (53-422
 * packets: get-all-settings, media lists), each packetized by {@link PacketFragmenter} with the
 * smallest header. Each invocation feeds the next {@value #BATCH} packets, wrapping around the
 * stream; completed messages go to a {@link Blackhole}.
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReassemblerBenchmark {
    /** Packets fed per invocation (JMH operations per invocation). */
    public static final int BATCH = 1024;
    /** Messages in the pre-generated stream. */
    public static final int MESSAGES = 4096;

    private byte[][] packets;
    private int cursor;
    private PacketReassembler reassembler;

    /** Generates the packet stream (fixed seed) and a fresh reassembler. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(0x60Fe0);
        List<byte[]> stream = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            int bucket = random.nextInt(100);
            int length = bucket < 70 ? random.nextInt(3, 20)
                    : bucket < 95 ? random.nextInt(50, 401)
                    : random.nextInt(1000, 8001);
            byte[] message = new byte[length];
            random.nextBytes(message);
            stream.addAll(PacketFragmenter.fragment(message));
        }
        packets = stream.toArray(byte[][]::new);
        cursor = 0;
        reassembler = new PacketReassembler();
    }

    /** Number of packets in the generated stream (for reporting). */
    public int streamPackets() {
        return packets.length;
    }

    /** Feeds the next {@value #BATCH} packets; each complete message goes to the blackhole. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void acceptPacket(Blackhole blackhole) {
        byte[][] stream = packets;
        int position = cursor;
        PacketReassembler r = reassembler;
        for (int i = 0; i < BATCH; i++) {
            Optional<byte[]> message = r.accept(stream[position]);
            if (message.isPresent()) {
                blackhole.consume(message.get());
            }
            if (++position == stream.length) {
                position = 0;
            }
        }
        cursor = position;
    }
}
