package io.camrig.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.ble.packet.PacketReassembler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reassembler benchmark's streams are what its documentation says (it is run by {@link BenchmarksSmokeTest}). */
class ReassemblerBenchmarkSmokeTest {

    @Test
    void mixedStreamHasTheDocumentedMix() {
        ReassemblerBenchmark benchmark = new ReassemblerBenchmark();
        benchmark.stream = "mixed";
        benchmark.setUp();
        // About 16 packets per message on average for this mix.
        assertThat(benchmark.streamPackets())
                .isBetween(ReassemblerBenchmark.MESSAGES * 8, ReassemblerBenchmark.MESSAGES * 30);
    }

    @Test
    void largeStreamIs422PacketsPerMessage() {
        ReassemblerBenchmark benchmark = new ReassemblerBenchmark();
        benchmark.stream = "large";
        benchmark.setUp();
        assertThat(benchmark.streamPackets()).isEqualTo(ReassemblerBenchmark.LARGE_MESSAGES * 422);
    }

    @Test
    void everyMessageOfTheStreamReassembles() {
        ReassemblerBenchmark benchmark = new ReassemblerBenchmark();
        benchmark.stream = "mixed";
        List<byte[]> messages = benchmark.messages();
        PacketReassembler reassembler = new PacketReassembler();
        List<byte[]> out = new ArrayList<>();
        for (byte[] packet : io.camrig.benchmarks.support.MessageMix.packets(messages)) {
            reassembler.accept(packet).ifPresent(out::add);
        }
        assertThat(out).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(out.get(i)).isEqualTo(messages.get(i));
        }
    }
}
