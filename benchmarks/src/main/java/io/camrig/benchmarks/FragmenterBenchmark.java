package io.camrig.benchmarks;

import io.camrig.ble.packet.PacketFragmenter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link PacketFragmenter#fragment(byte[])}: one JMH operation is one message
 * packetized, so the primary score is <strong>messages/s</strong>; the {@code packets} secondary
 * score is packets produced per second. {@code length} is the message length in bytes: 16 (one
 * packet, a typical command), 200 (11 packets) and 8,000 (422 packets, the largest the camera
 * sends in practice).
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FragmenterBenchmark {
    /** Message length, bytes. */
    @Param({"16", "200", "8000"})
    public int length;

    private byte[] message;

    /** Generates the message (fixed seed). */
    @Setup
    public void setUp() {
        message = new byte[length];
        new SplittableRandom(0x60Fe0).nextBytes(message);
    }

    /** Packetizes the message; the packets are returned to JMH so they are not optimized away. */
    @Benchmark
    public List<byte[]> fragment(PacketCounter counter) {
        List<byte[]> packets = PacketFragmenter.fragment(message);
        counter.packets += packets.size();
        return packets;
    }
}
