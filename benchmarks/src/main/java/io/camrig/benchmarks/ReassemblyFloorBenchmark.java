package io.camrig.benchmarks;

import io.camrig.benchmarks.support.MessageMix;
import java.util.Arrays;
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
 * A yardstick for {@link ReassemblerBenchmark}: the least work any reassembler must do on the
 * same mixed stream. It trusts every packet (no length, counter, overrun or duplicate checks,
 * no error paths), reads the declared length from the start packet and copies each payload into
 * the message. One operation is one packet, so the score reads as packets/s.
 *
 * <p>Variants ({@code messages} parameter):
 * <ul>
 *   <li>{@code allocate}: every message is a fresh {@code byte[]}, as {@link
 *       io.camrig.ble.packet.PacketReassembler} hands out. This is the ceiling for it on this
 *       host: the ratio of the two scores, measured back to back, is what the checks cost, and
 *       it moves far less than either score when the shared host changes speed.</li>
 *   <li>{@code reuse}: every message is written into one reused 64 KiB buffer, so nothing is
 *       allocated; the difference to {@code allocate} is the cost of fresh memory.</li>
 * </ul>
 * Not a reassembler: it would accept any garbage. Spec: BLE "Data Protocol" / "Packetization"
 * (header types 00 and 01, 10; continuation payload after one header byte).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReassemblyFloorBenchmark {
    /** Where messages go: {@code allocate} or {@code reuse}. */
    @Param({"allocate", "reuse"})
    public String messages;

    private byte[][] packets;
    private int cursor;
    private boolean allocate;
    private final byte[] reused = new byte[1 << 16];
    private byte[] message;
    private int expected;
    private int received;

    /** The reassembler's mixed stream (same messages, same seed), settled as there. */
    @Setup
    public void setUp() {
        packets = MessageMix.packets(MessageMix.mixedMessages(ReassemblerBenchmark.MESSAGES, 0x60Fe0));
        allocate = switch (messages) {
            case "allocate" -> true;
            case "reuse" -> false;
            default -> throw new IllegalArgumentException("unknown variant " + messages);
        };
        cursor = 0;
        MessageMix.settle();
    }

    /** Feeds the next {@value ReassemblerBenchmark#BATCH} packets; complete messages go to the blackhole. */
    @Benchmark
    @OperationsPerInvocation(ReassemblerBenchmark.BATCH)
    public void trustPacket(Blackhole blackhole, MessageCounter counter) {
        byte[][] stream = packets;
        int position = cursor;
        long completed = 0;
        for (int i = 0; i < ReassemblerBenchmark.BATCH; i++) {
            byte[] done = next(stream[position]);
            if (done != null) {
                blackhole.consume(done);
                completed++;
            }
            if (++position == stream.length) {
                position = 0;
            }
        }
        cursor = position;
        counter.messages += completed;
    }

    private byte[] next(byte[] packet) {
        int header = packet[0] & 0xFF;
        if ((header & 0x80) != 0) {
            int payload = packet.length - 1;
            System.arraycopy(packet, 1, message, received, payload);
            received += payload;
            return received < expected ? null : message;
        }
        int headerLength;
        int declared;
        switch (header >>> 5) {
            case 0b00 -> {
                headerLength = 1;
                declared = header & 0x1F;
            }
            case 0b01 -> {
                headerLength = 2;
                declared = ((header & 0x1F) << 8) | (packet[1] & 0xFF);
            }
            default -> {
                headerLength = 3;
                declared = ((packet[1] & 0xFF) << 8) | (packet[2] & 0xFF);
            }
        }
        int payload = packet.length - headerLength;
        if (payload == declared) {
            return allocate ? Arrays.copyOfRange(packet, headerLength, packet.length) : reused;
        }
        message = allocate ? new byte[declared] : reused;
        System.arraycopy(packet, headerLength, message, 0, payload);
        expected = declared;
        received = payload;
        return null;
    }
}
