package io.camrig.ble.packet;

import static io.camrig.ble.packet.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The continuation-counter policy: counting senders, always-0x80 senders, duplicates, wrap. */
class ContinuationCounterPolicyTest {
    private final PacketReassembler reassembler = new PacketReassembler();

    /** 18 + 20 * 19 = 398 bytes: 20 continuations, counters 0..F then 0..3. */
    private static final byte[] LONG = Hex.message(398, 398);

    private static List<byte[]> packets(byte[] message) {
        return new ArrayList<>(PacketFragmenter.fragment(message));
    }

    /** Feeds all packets; every one but the last must return empty; returns the last result. */
    private Optional<byte[]> feed(List<byte[]> packets) {
        Optional<byte[]> result = Optional.empty();
        for (int i = 0; i < packets.size(); i++) {
            assertThat(result).as("message completed early, before packet %d", i).isEmpty();
            result = reassembler.accept(packets.get(i));
        }
        return result;
    }

    @Test
    void countingSenderWrapsAfter0xF() {
        List<byte[]> packets = packets(LONG);
        assertThat(packets.get(16)[0]).isEqualTo((byte) 0x8F);
        assertThat(packets.get(17)[0]).isEqualTo((byte) 0x80);
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.duplicatesDropped()).isZero();
    }

    @Test
    void countingSenderMustNotSkipAfterTheWrap() {
        List<byte[]> packets = packets(LONG);
        packets.get(17)[0] = (byte) 0x81; // after 0x8F comes 0x80
        packets.subList(0, 17).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(packets.get(17)))
                .isInstanceOfSatisfying(CounterOutOfSequenceException.class, e -> {
                    assertThat(e.expectedCounter()).isEqualTo(0);
                    assertThat(e.actualCounter()).isEqualTo(1);
                });
    }

    @Test
    void countingSenderThatRestartsAt0IsOutOfSequence() {
        List<byte[]> packets = packets(LONG);
        packets.get(3)[0] = (byte) 0x80; // 0x80, 0x81, then 0x80 again with new bytes
        packets.subList(0, 3).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(packets.get(3)))
                .isInstanceOfSatisfying(CounterOutOfSequenceException.class, e -> {
                    assertThat(e.expectedCounter()).isEqualTo(2);
                    assertThat(e.actualCounter()).isEqualTo(0);
                });
    }

    @Test
    void alwaysZeroSenderIsAccepted() {
        List<byte[]> packets = packets(LONG);
        for (int i = 1; i < packets.size(); i++) {
            packets.get(i)[0] = (byte) 0x80;
        }
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.duplicatesDropped()).isZero();
    }

    @Test
    void alwaysZeroSenderMustKeepZero() {
        List<byte[]> packets = packets(LONG);
        packets.get(2)[0] = (byte) 0x80; // mode decided: always 0x80
        // packets.get(3) still carries 0x82
        packets.subList(0, 3).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(packets.get(3)))
                .isInstanceOfSatisfying(CounterOutOfSequenceException.class, e -> {
                    assertThat(e.expectedCounter()).isEqualTo(0);
                    assertThat(e.actualCounter()).isEqualTo(2);
                });
    }

    @Test
    void secondContinuationOtherThan0Or1IsOutOfSequence() {
        List<byte[]> packets = packets(LONG);
        packets.get(2)[0] = (byte) 0x83;
        packets.subList(0, 2).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(packets.get(2)))
                .isInstanceOfSatisfying(CounterOutOfSequenceException.class, e -> {
                    assertThat(e.expectedCounter()).isEqualTo(1);
                    assertThat(e.actualCounter()).isEqualTo(3);
                });
    }

    @Test
    void duplicateOfFirstContinuationIsDroppedAndCountingGoesOn() {
        List<byte[]> packets = packets(LONG);
        packets.add(2, packets.get(1).clone());
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void duplicatesAnywhereInACountingMessageAreDropped() {
        List<byte[]> packets = packets(LONG);
        packets.add(17, packets.get(16).clone()); // 0x8F twice, right before the wrap
        packets.add(6, packets.get(5).clone());
        packets.add(6, packets.get(5).clone()); // 0x84 three times
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.duplicatesDropped()).isEqualTo(3);
    }

    @Test
    void duplicatesOfAnAlwaysZeroSenderAreDropped() {
        List<byte[]> packets = packets(LONG);
        for (int i = 1; i < packets.size(); i++) {
            packets.get(i)[0] = (byte) 0x80;
        }
        packets.add(4, packets.get(3).clone());
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void sameCounterWithDifferentBytesIsNotADuplicate() {
        List<byte[]> packets = packets(LONG);
        byte[] impostor = packets.get(2).clone();
        impostor[5] ^= 1;
        packets.subList(0, 3).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(impostor)).isInstanceOf(CounterOutOfSequenceException.class);
        assertThat(reassembler.duplicatesDropped()).isZero();
    }

    @Test
    void sameCounterWithFewerBytesIsNotADuplicate() {
        List<byte[]> packets = packets(LONG);
        byte[] prefix = java.util.Arrays.copyOf(packets.get(2), 10);
        packets.subList(0, 3).forEach(reassembler::accept);
        assertThatThrownBy(() -> reassembler.accept(prefix)).isInstanceOf(CounterOutOfSequenceException.class);
    }

    @Test
    void duplicateOfTheLastPacketAfterCompletionIsDropped() {
        List<byte[]> packets = packets(LONG);
        assertThat(feed(packets)).get().isEqualTo(LONG);
        assertThat(reassembler.accept(packets.get(packets.size() - 1).clone())).isEmpty();
        assertThat(reassembler.duplicatesDropped()).isEqualTo(1);
        // A continuation that is not that duplicate is still an orphan.
        assertThatThrownBy(() -> reassembler.accept(bytes("84:01"))).isInstanceOf(ContinuationWithoutStartException.class);
        // And after that error, even the duplicate is an orphan: resync is strict.
        assertThatThrownBy(() -> reassembler.accept(packets.get(packets.size() - 1)))
                .isInstanceOf(ContinuationWithoutStartException.class);
    }

    @Test
    void aNewStartForgetsTheLastPacket() {
        List<byte[]> packets = packets(LONG);
        feed(packets);
        assertThat(reassembler.accept(bytes("02:01:00"))).isPresent();
        assertThatThrownBy(() -> reassembler.accept(packets.get(packets.size() - 1)))
                .isInstanceOf(ContinuationWithoutStartException.class);
    }

    @Test
    void aDuplicatedSinglePacketMessageIsTwoMessages() {
        // Start packets are never deduplicated: a camera may legitimately repeat a notification.
        assertThat(reassembler.accept(bytes("02:01:00"))).isPresent();
        assertThat(reassembler.accept(bytes("02:01:00"))).isPresent();
        assertThat(reassembler.duplicatesDropped()).isZero();
    }

    @Test
    void reservedContinuationBitsAreIgnored() {
        List<byte[]> packets = packets(LONG);
        packets.get(1)[0] = (byte) 0xF0; // 1 111 0000: counter 0
        packets.get(2)[0] = (byte) 0x91; // 1 001 0001: counter 1
        assertThat(feed(packets)).get().isEqualTo(LONG);
    }
}
