package io.camrig.ble.packet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits a message into GATT packets of at most {@value #MAX_PACKET_SIZE} bytes. A pure
 * function: no state, thread-safe, the input is never modified and every packet is a fresh array.
 *
 * <p>Layout of the packets of an {@code n}-byte message with a start header of {@code h} bytes:
 * <pre>
 *   packet 1      [start header, h bytes][message bytes 0 .. min(n, 20 - h) - 1]
 *   packet 2..N   [1000 cccc][next 1..19 message bytes]    cccc = 0x0, 0x1, ... 0xF, 0x0, ...
 * </pre>
 * so {@code N = 1 + ceil(max(0, n - (20 - h)) / 19)}. An empty message is the single packet
 * {@code [header declaring 0]}. Continuation headers have their reserved bits 6-4 clear.
 *
 * <p>{@link #fragment(byte[])} picks the smallest header (general for up to 31 bytes, extended
 * 13-bit up to 8191, extended 16-bit up to 65535). A client writing to a camera should use
 * {@link #fragment(byte[], HeaderKind)} with {@link HeaderKind#EXTENDED_13}, as the spec's tip
 * recommends; extended 16-bit is for camera-to-client messages only (the simulator).
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization", "Packet Headers", "Continuation Packets".
 */
public final class PacketFragmenter {
    /** The largest packet, bytes: the ATT payload of the default 23-byte MTU (BLE 4.2). */
    public static final int MAX_PACKET_SIZE = 20;

    /** Message bytes a continuation packet carries at most: 20 minus its 1-byte header. */
    private static final int CONTINUATION_PAYLOAD = MAX_PACKET_SIZE - 1;

    private PacketFragmenter() {
    }

    /**
     * Packetizes {@code message} with the smallest header that can declare its length.
     *
     * @param message the message, 0..65535 bytes; not modified
     * @return the packets in sending order, unmodifiable, each 1..20 bytes
     * @throws MessageTooLongException when the message is longer than 65535 bytes
     */
    public static List<byte[]> fragment(byte[] message) {
        Objects.requireNonNull(message, "message");
        return fragment(message, HeaderKind.smallestFor(message.length));
    }

    /**
     * Packetizes {@code message} with the given start header, even where a smaller one would do.
     *
     * @param message the message; not modified
     * @param header  the start header to use
     * @return the packets in sending order, unmodifiable, each 1..20 bytes
     * @throws MessageTooLongException when the message is longer than
     *                                 {@code header.maxMessageLength()}
     */
    public static List<byte[]> fragment(byte[] message, HeaderKind header) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(header, "header");
        int length = message.length;
        if (length > header.maxMessageLength()) {
            throw new MessageTooLongException(length, header.maxMessageLength());
        }
        int headerLength = header.headerLength();
        int first = Math.min(length, MAX_PACKET_SIZE - headerLength);
        int continuations = (length - first + CONTINUATION_PAYLOAD - 1) / CONTINUATION_PAYLOAD;
        List<byte[]> packets = new ArrayList<>(1 + continuations);

        byte[] start = new byte[headerLength + first];
        header.write(length, start);
        System.arraycopy(message, 0, start, headerLength, first);
        packets.add(start);

        int counter = 0;
        for (int offset = first; offset < length; offset += CONTINUATION_PAYLOAD) {
            int chunk = Math.min(CONTINUATION_PAYLOAD, length - offset);
            byte[] packet = new byte[1 + chunk];
            packet[0] = (byte) (0x80 | counter);
            System.arraycopy(message, offset, packet, 1, chunk);
            packets.add(packet);
            counter = (counter + 1) & 0x0F;
        }
        return Collections.unmodifiableList(packets);
    }
}
