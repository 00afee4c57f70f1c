package io.camrig.ble.packet;

import static io.camrig.ble.packet.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid case, the exception's fields, and resync after each. */
class PacketReassemblerErrorTest {
    private final PacketReassembler reassembler = new PacketReassembler(1000);

    /** A 40-byte message: start 20:28 + 18 bytes, continuations 0x80 (19 bytes), 0x81 (3 bytes). */
    private static final byte[] FORTY = Hex.message(40, 40);
    private static final List<byte[]> FORTY_PACKETS = PacketFragmenter.fragment(FORTY);

    private void feed(String... packets) {
        for (String p : packets) {
            assertThat(reassembler.accept(bytes(p))).isEmpty();
        }
    }

    private <E extends PacketException> void expectError(byte[] packet, Class<E> type, Consumer<E> check) {
        assertThatThrownBy(() -> reassembler.accept(packet)).isInstanceOfSatisfying(type, check);
    }

    static Stream<Arguments> errors() {
        byte[] tooLong = new byte[PacketReassembler.MAX_PACKET_LENGTH + 1];
        return Stream.of(
                Arguments.of("empty packet", List.of(), new byte[0], MalformedPacketException.class),
                Arguments.of("packet over 512 bytes", List.of(), tooLong, MalformedPacketException.class),
                Arguments.of("extended 13-bit header cut short", List.of(), bytes("20"), MalformedPacketException.class),
                Arguments.of("extended 16-bit header cut short", List.of(), bytes("40:01"), MalformedPacketException.class),
                Arguments.of("reserved header type 11", List.of(), bytes("60:01:02"), MalformedPacketException.class),
                Arguments.of("continuation without start", List.of(), bytes("80:01"), ContinuationWithoutStartException.class),
                Arguments.of("first continuation not 0", List.of("20:28:" + "00:".repeat(17) + "00"), bytes("81:01"),
                        CounterOutOfSequenceException.class),
                Arguments.of("declared length over limit", List.of(), bytes("23:e9:01"), MessageTooLongException.class),
                Arguments.of("start payload over declared length", List.of(), bytes("02:01:02:03"), MessageOverrunException.class),
                Arguments.of("continuation overrun", List.of("19:" + "00:".repeat(18) + "00"), bytes("80:01:02:03:04:05:06:07"),
                        MessageOverrunException.class),
                Arguments.of("start while in progress", List.of("20:28:01"), bytes("02:01:00"), IncompleteMessageException.class),
                Arguments.of("empty packet mid-message", List.of("20:28:01"), new byte[0], MalformedPacketException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void resyncsAfterEveryError(String name, List<String> before, byte[] bad, Class<? extends PacketException> type) {
        feed(before.toArray(String[]::new));
        assertThatThrownBy(() -> reassembler.accept(bad)).isInstanceOf(type);
        assertThat(reassembler.inProgress()).isFalse();
        assertThat(reassembler.received()).isZero();
        // Orphan continuations are rejected one by one until a start packet (after a message too
        // long, continuations are the rest of that message, discarded without an error: see
        // MessageAssemblerTest).
        if (type == MessageTooLongException.class) {
            reassembler.accept(bytes("02:01:00"));
        }
        assertThatThrownBy(() -> reassembler.accept(bytes("80:01"))).isInstanceOf(ContinuationWithoutStartException.class);
        assertThatThrownBy(() -> reassembler.accept(bytes("81:02"))).isInstanceOf(ContinuationWithoutStartException.class);
        // The next message decodes.
        assertThat(reassembler.accept(FORTY_PACKETS.get(0))).isEmpty();
        assertThat(reassembler.accept(FORTY_PACKETS.get(1))).isEmpty();
        assertThat(reassembler.accept(FORTY_PACKETS.get(2))).get().isEqualTo(FORTY);
    }

    @Test
    void packetConsumedIsFalseOnlyForIncompleteMessage() {
        assertThat(new ContinuationWithoutStartException(0).packetConsumed()).isTrue();
        assertThat(new CounterOutOfSequenceException(1, 2).packetConsumed()).isTrue();
        assertThat(new MessageTooLongException(2, 1).packetConsumed()).isTrue();
        assertThat(new MessageOverrunException(2, 1, 5).packetConsumed()).isTrue();
        assertThat(new MalformedPacketException("x", 0).packetConsumed()).isTrue();
        assertThat(new IncompleteMessageException(1, 2).packetConsumed()).isFalse();
        assertThat(new IncompleteMessageException(1, 2).isTransient()).isFalse();
    }

    @Test
    void malformedPacketsCarryTheirLength() {
        expectError(new byte[0], MalformedPacketException.class, e -> assertThat(e.packetLength()).isZero());
        expectError(new byte[513], MalformedPacketException.class, e -> assertThat(e.packetLength()).isEqualTo(513));
        expectError(bytes("7f:00:00"), MalformedPacketException.class,
                e -> assertThat(e.getMessage()).contains("reserved header type"));
    }

    @Test
    void orphanContinuationCarriesItsCounter() {
        expectError(bytes("8c:01:02"), ContinuationWithoutStartException.class, e -> assertThat(e.counter()).isEqualTo(0xC));
    }

    @Test
    void counterThatSkipsCarriesExpectedAndActual() {
        reassembler.accept(FORTY_PACKETS.get(0));
        byte[] skipped = FORTY_PACKETS.get(1).clone();
        skipped[0] = (byte) 0x82;
        expectError(skipped, CounterOutOfSequenceException.class, e -> {
            assertThat(e.expectedCounter()).isEqualTo(0);
            assertThat(e.actualCounter()).isEqualTo(2);
        });
    }

    @Test
    void declaredLengthOverLimitIsRejectedFromTheStartPacket() {
        // 0x23 0xE9 declares 1001 bytes, one above this reassembler's limit.
        expectError(bytes("23:e9:01"), MessageTooLongException.class, e -> {
            assertThat(e.length()).isEqualTo(1001);
            assertThat(e.limit()).isEqualTo(1000);
        });
        // With the default limit the largest 16-bit length is fine.
        assertThat(new PacketReassembler().accept(bytes("40:ff:ff:01"))).isEmpty();
    }

    @Test
    void overrunCarriesTheCounts() {
        feed("19:" + "00:".repeat(18) + "00"); // 25 declared, 19 received
        expectError(bytes("80:01:02:03:04:05:06:07"), MessageOverrunException.class, e -> {
            assertThat(e.declaredLength()).isEqualTo(25);
            assertThat(e.alreadyReceived()).isEqualTo(19);
            assertThat(e.packetPayloadLength()).isEqualTo(7);
        });
        expectError(bytes("02:01:02:03"), MessageOverrunException.class, e -> {
            assertThat(e.declaredLength()).isEqualTo(2);
            assertThat(e.alreadyReceived()).isZero();
            assertThat(e.packetPayloadLength()).isEqualTo(3);
        });
    }

    @Test
    void startWhileInProgressIsNotConsumedAndMustBeOfferedAgain() {
        reassembler.accept(FORTY_PACKETS.get(0));
        reassembler.accept(FORTY_PACKETS.get(1));
        byte[] interrupting = bytes("02:01:00");
        expectError(interrupting, IncompleteMessageException.class, e -> {
            assertThat(e.received()).isEqualTo(37);
            assertThat(e.expectedLength()).isEqualTo(40);
            assertThat(e.packetConsumed()).isFalse();
        });
        assertThat(reassembler.inProgress()).isFalse();
        // Offering it again decodes it.
        assertThat(reassembler.accept(interrupting)).get().isEqualTo(bytes("01:00"));
    }

    @Test
    void interruptingMultiPacketMessageDecodesAfterReoffer() {
        reassembler.accept(FORTY_PACKETS.get(0));
        byte[] start = FORTY_PACKETS.get(0);
        assertThatThrownBy(() -> reassembler.accept(start)).isInstanceOf(IncompleteMessageException.class);
        assertThat(reassembler.accept(start)).isEmpty();
        assertThat(reassembler.accept(FORTY_PACKETS.get(1))).isEmpty();
        assertThat(reassembler.accept(FORTY_PACKETS.get(2))).get().isEqualTo(FORTY);
    }

    @Test
    void resetDropsTheMessageInProgress() {
        reassembler.accept(FORTY_PACKETS.get(0));
        reassembler.reset();
        assertThatThrownBy(() -> reassembler.accept(FORTY_PACKETS.get(1)))
                .isInstanceOf(ContinuationWithoutStartException.class);
    }
}
