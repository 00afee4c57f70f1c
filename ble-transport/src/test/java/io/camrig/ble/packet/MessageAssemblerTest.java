package io.camrig.ble.packet;

import static io.camrig.ble.packet.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {
    private final MessageAssembler assembler = new MessageAssembler(new PacketReassembler(1000));
    private final List<byte[]> messages = new ArrayList<>();
    private final List<PacketException> errors = new ArrayList<>();

    private void offer(byte[]... packets) {
        for (byte[] packet : packets) {
            assembler.accept(packet, messages::add, errors::add);
        }
    }

    private void offer(List<byte[]> packets) {
        offer(packets.toArray(byte[][]::new));
    }

    @Test
    void deliversMessagesFromTheTutorial() {
        offer(Hex.packets(SpecVectors.HARDWARE_INFO_98));
        offer(bytes("02:01:00"));
        assertThat(errors).isEmpty();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).hasSize(98);
        assertThat(messages.get(1)).containsExactly(0x01, 0x00);
    }

    @Test
    void interruptedMessageGivesOneErrorAndTheInterruptingSinglePacketMessageIsDelivered() {
        List<byte[]> scan = Hex.packets(SpecVectors.SCAN_RESULTS_118);
        offer(scan.get(0), scan.get(1));
        offer(bytes("02:01:00"));
        assertThat(errors).singleElement().isInstanceOfSatisfying(IncompleteMessageException.class, e -> {
            assertThat(e.received()).isEqualTo(37);
            assertThat(e.expectedLength()).isEqualTo(118);
        });
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).containsExactly(0x01, 0x00));
    }

    @Test
    void interruptingMultiPacketMessageIsNotLost() {
        List<byte[]> scan = Hex.packets(SpecVectors.SCAN_RESULTS_118);
        List<byte[]> cohn = Hex.packets(SpecVectors.COHN_STATUS_71);
        offer(scan.subList(0, 3));
        offer(cohn);
        assertThat(errors).singleElement().isInstanceOf(IncompleteMessageException.class);
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).hasSize(71).startsWith(0xF5, 0xEF));
    }

    @Test
    void badInterruptingStartGivesTwoErrors() {
        offer(bytes("20:28:01"));
        offer(bytes("27:00:01")); // interrupts, then declares 1792 bytes, over the limit of 1000
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isInstanceOf(IncompleteMessageException.class);
        assertThat(errors.get(1)).isInstanceOf(MessageTooLongException.class);
        assertThat(assembler.reassembler().inProgress()).isFalse();
    }

    @Test
    void tooLongMessageIsDiscardedWithOneErrorAndTheNextMessageIsDelivered() {
        MessageAssembler small = new MessageAssembler(new PacketReassembler(100));
        byte[] big = new byte[400];
        java.util.Arrays.fill(big, (byte) 0x5A);
        List<byte[]> packets = new ArrayList<>(PacketFragmenter.fragment(big));
        packets.addAll(PacketFragmenter.fragment(new byte[] {0x01, 0x00}));
        packets.forEach(p -> small.accept(p, messages::add, errors::add));
        assertThat(packets).hasSize(23);   // 1 start + 21 continuations + the next message
        assertThat(errors).singleElement().isInstanceOfSatisfying(MessageTooLongException.class, e -> {
            assertThat(e.length()).isEqualTo(400);
            assertThat(e.limit()).isEqualTo(100);
        });
        assertThat(small.reassembler().packetsDiscarded()).isEqualTo(21);
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).containsExactly(0x01, 0x00));
    }

    @Test
    void discardingEndsAtAStartPacketAndAtAContinuationLongerThanWhatIsLeft() {
        MessageAssembler small = new MessageAssembler(new PacketReassembler(100));
        byte[] big = new byte[400];
        List<byte[]> packets = PacketFragmenter.fragment(big);
        small.accept(packets.get(0), messages::add, errors::add);   // too long: reported
        small.accept(packets.get(1), messages::add, errors::add);   // discarded
        small.accept(bytes("02:01:00"), messages::add, errors::add); // a new start ends the discarding
        small.accept(packets.get(2), messages::add, errors::add);   // an orphan now
        assertThat(errors).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MessageTooLongException", "ContinuationWithoutStartException");
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).containsExactly(0x01, 0x00));
        // 101 declared, 18 in the start packet: 83 bytes left; a 100-byte continuation is not part of it.
        errors.clear();
        small.accept(bytes("20:65:" + "00:".repeat(17) + "00"), messages::add, errors::add);
        small.accept(bytes("80:" + "00:".repeat(99) + "00"), messages::add, errors::add);
        assertThat(errors).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MessageTooLongException", "ContinuationWithoutStartException");
    }

    @Test
    void eachBadPacketGivesOneErrorAndDecodingGoesOn() {
        List<byte[]> hw = Hex.packets(SpecVectors.HARDWARE_INFO_98);
        offer(new byte[0]);                        // malformed
        offer(hw.get(1), hw.get(2));               // two orphans
        offer(hw.get(0), hw.get(2));               // counter skips: 0x81 first
        offer(hw.get(3));                          // orphan after the error
        offer(hw);                                 // a whole message
        offer(hw.get(hw.size() - 1));              // duplicate of its last packet: dropped
        assertThat(errors).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "MalformedPacketException",
                "ContinuationWithoutStartException", "ContinuationWithoutStartException",
                "CounterOutOfSequenceException",
                "ContinuationWithoutStartException");
        assertThat(messages).singleElement().satisfies(m -> assertThat(m).hasSize(98));
        assertThat(assembler.reassembler().duplicatesDropped()).isEqualTo(1);
    }

    @Test
    void callbackExceptionsPropagate() {
        assertThatThrownBy(() -> assembler.accept(bytes("02:01:00"), m -> {
            throw new IllegalStateException("boom");
        }, errors::add)).isInstanceOf(IllegalStateException.class);
        assertThat(assembler.reassembler().inProgress()).isFalse();
    }

    @Test
    void defaultAssemblerAcceptsTheLongestMessage() {
        MessageAssembler unlimited = new MessageAssembler();
        byte[] message = Hex.message(65535, 1);
        for (byte[] packet : PacketFragmenter.fragment(message)) {
            unlimited.accept(packet, messages::add, errors::add);
        }
        assertThat(errors).isEmpty();
        assertThat(messages).singleElement().isEqualTo(message);
    }
}
