package io.camrig.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.ble.packet.PacketFragmenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkFaultsTest {
    private static final UUID CHAR = UUID.randomUUID();
    private final FaultCounters counters = new FaultCounters();

    private static List<byte[]> message(int length) {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) i;
        }
        return PacketFragmenter.fragment(m);
    }

    private List<byte[]> deliver(LinkFaults faults, List<byte[]> packets) {
        List<byte[]> out = new ArrayList<>();
        packets.forEach(p -> out.addAll(faults.onPacket(CHAR, p)));
        return out;
    }

    private static FaultProfile only(double dup, double skip, double reorder, double lost) {
        return new FaultProfile("test", Duration.ZERO, dup, skip, reorder, lost, 0, Duration.ZERO, 0);
    }

    @Test
    void noFaultsDeliversEveryPacketUnchanged() {
        List<byte[]> packets = message(100);
        assertThat(deliver(new LinkFaults(FaultProfile.NONE, counters, 1), packets)).containsExactlyElementsOf(packets);
    }

    @Test
    void duplicatesRepeatOnlyContinuationPacketsAndAreCounted() {
        List<byte[]> packets = message(100);
        List<byte[]> out = deliver(new LinkFaults(only(1, 0, 0, 0), counters, 1), packets);
        assertThat(out).hasSize(packets.size() * 2 - 1);   // every continuation twice, the start once
        assertThat(counters.duplicated()).isEqualTo(packets.size() - 1);
        assertThat(out.get(0)).isEqualTo(packets.get(0));
        assertThat(out.get(1)).isEqualTo(out.get(2));
    }

    @Test
    void skippedContinuationsAreLostAndCounted() {
        List<byte[]> packets = message(100);
        List<byte[]> out = deliver(new LinkFaults(only(0, 1, 0, 0), counters, 1), packets);
        assertThat(out).containsExactly(packets.get(0));
        assertThat(counters.skipped()).isEqualTo(packets.size() - 1);
    }

    @Test
    void reorderSwapsTwoContinuations() {
        List<byte[]> packets = message(60);   // a start and three continuations
        LinkFaults faults = new LinkFaults(only(0, 0, 1, 0), counters, 1);
        List<byte[]> out = deliver(faults, packets);
        // c1 is held and follows c2; c3 is held too, and comes out before the next message's start.
        assertThat(out).containsExactly(packets.get(0), packets.get(2), packets.get(1));
        List<byte[]> next = message(10);
        assertThat(deliver(faults, next)).containsExactly(packets.get(3), next.get(0));
        assertThat(counters.reordered()).isEqualTo(2);
    }

    @Test
    void aLostMessageLosesEveryPacketUntilTheNextStart() {
        LinkFaults faults = new LinkFaults(only(0, 0, 0, 1), counters, 1);
        assertThat(deliver(faults, message(100))).isEmpty();
        assertThat(counters.lostMessages()).isEqualTo(1);
    }

    @Test
    void theSameSeedInjectsTheSameFaults() {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            packets.addAll(message(70));
        }
        List<byte[]> a = deliver(new LinkFaults(FaultProfile.MIXED, new FaultCounters(), 9), packets);
        List<byte[]> b = deliver(new LinkFaults(FaultProfile.MIXED, new FaultCounters(), 9), packets);
        assertThat(a).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(b);
    }

    @Test
    void profilesAreFoundByNameAndUnknownNamesAreListed() {
        assertThat(FaultProfile.named("MIXED")).isEqualTo(FaultProfile.MIXED);
        assertThatThrownBy(() -> FaultProfile.named("gremlins")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixed").hasMessageContaining("none");
        assertThatThrownBy(() -> new FaultProfile("bad", Duration.ZERO, 2, 0, 0, 0, 0, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
