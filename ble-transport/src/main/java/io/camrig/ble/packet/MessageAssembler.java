package io.camrig.ble.packet;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link PacketReassembler} that reports errors instead of throwing them and handles the
 * re-offer that {@link IncompleteMessageException} requires. Decoding goes on after every bad
 * packet: the stream of callbacks is "messages, with errors in between".
 *
 * <p>For each packet, {@link #accept(byte[], Consumer, Consumer)} calls:
 * <ul>
 *   <li>nothing, when the packet is part of a message not yet complete (or a dropped duplicate);
 *   </li>
 *   <li>{@code onMessage} once, with the complete message (headers stripped), when the packet
 *       completes it;</li>
 *   <li>{@code onError} once, with the {@link PacketException}, when the packet is bad;</li>
 *   <li>when a start packet interrupts a message: {@code onError} with the
 *       {@link IncompleteMessageException} for the dropped message, then the start packet is
 *       offered again, which may give an {@code onMessage} (single-packet message) or a second
 *       {@code onError} (the start packet itself is bad).</li>
 * </ul>
 * Packets are 1..{@value PacketReassembler#MAX_PACKET_LENGTH} bytes in the layout documented on
 * {@link PacketReassembler}. Exceptions thrown by the callbacks propagate to the caller
 * unchanged; the assembler's state is consistent before each callback runs.
 *
 * <p><strong>Not thread-safe</strong>, like the reassembler it wraps: one per response
 * characteristic, confined to one thread.
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
public final class MessageAssembler {
    private final PacketReassembler reassembler;

    /** An assembler over a new reassembler accepting messages of up to 65535 bytes. */
    public MessageAssembler() {
        this(new PacketReassembler());
    }

    /** An assembler over {@code reassembler}; do not offer packets to it directly as well. */
    public MessageAssembler(PacketReassembler reassembler) {
        this.reassembler = Objects.requireNonNull(reassembler, "reassembler");
    }

    /**
     * Offers the next packet of this characteristic. Never throws a {@link PacketException}.
     *
     * @param packet    the GATT value; read, not kept
     * @param onMessage receives each complete message; the array belongs to it
     * @param onError   receives each packet error
     */
    public void accept(byte[] packet, Consumer<byte[]> onMessage, Consumer<PacketException> onError) {
        Objects.requireNonNull(onMessage, "onMessage");
        Objects.requireNonNull(onError, "onError");
        try {
            byte[] message = reassembler.offer(packet);
            if (message != null) {
                onMessage.accept(message);
            }
            return;
        } catch (PacketException e) {
            onError.accept(e);
            if (e.packetConsumed()) {
                return;
            }
        }
        try {
            // The reassembler is idle now, so this cannot be another IncompleteMessageException.
            byte[] message = reassembler.offer(packet);
            if (message != null) {
                onMessage.accept(message);
            }
        } catch (PacketException e) {
            onError.accept(e);
        }
    }

    /** The wrapped reassembler, for diagnostics ({@code inProgress()}, {@code duplicatesDropped()}). */
    public PacketReassembler reassembler() {
        return reassembler;
    }
}
