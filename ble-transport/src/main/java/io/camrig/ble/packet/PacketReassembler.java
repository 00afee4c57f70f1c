package io.camrig.ble.packet;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a message back together from the packets of one response characteristic. A small state
 * machine: idle, or collecting one message. Use one instance per characteristic.
 *
 * <p><strong>Not thread-safe.</strong> Confine each instance to one thread (the camera's
 * serialized scheduler) or guard it externally.
 *
 * <h2>Packets</h2>
 * <pre>
 *   start          0 TT xxxxx [length bytes] [message bytes]     TT = 00 general (length in
 *                                                                 xxxxx), 01 extended 13-bit,
 *                                                                 10 extended 16-bit, 11 invalid
 *   continuation   1 RRR CCCC [message bytes]                    CCCC = 4-bit counter
 * </pre>
 * Packets of 1..{@value #MAX_PACKET_LENGTH} bytes are accepted (GoPro sends at most 20, but a
 * larger ATT MTU allows more). Reserved bits are ignored. Lengths are message bytes, unsigned,
 * big-endian.
 *
 * <h2>Results and memory</h2>
 * {@link #offer(byte[])} returns the complete message (headers stripped), or {@code null} when
 * more packets are needed; {@link #accept(byte[])} is the same as an {@link Optional}. The
 * message array is allocated once,
 * when the start packet declares the length, and only after the length passed the limit; each
 * packet is copied into it with one {@code System.arraycopy}; nothing else is allocated per
 * packet. The returned array belongs to the caller.
 *
 * <h2>Continuation counters</h2>
 * <ul>
 *   <li>The first continuation of a message must carry counter 0x0.</li>
 *   <li>The second decides the sender's mode: 0x1 means a counting sender (as in the spec:
 *       0x0, 0x1, … 0xF, 0x0, … wrapping); 0x0 (and not a duplicate, below) means an
 *       "always 0x80" sender, which must then keep 0x0 for the rest of the message.</li>
 *   <li>A continuation identical to the previous continuation of the same message (same counter,
 *       same message bytes, compared against the bytes already in the message buffer) is an
 *       exact duplicate: dropped silently and counted in {@link #duplicatesDropped()}. This holds
 *       in every mode, so an always-0x80 sender whose message really repeats a packet's bytes
 *       loses that packet; the declared length then exposes it as an error (never as a silently
 *       corrupt message).</li>
 *   <li>A duplicate of the <em>last</em> continuation of the message just completed, arriving
 *       before any start packet, is dropped and counted the same way.</li>
 *   <li>Any other counter fails the message with {@link CounterOutOfSequenceException}.</li>
 * </ul>
 *
 * <h2>Errors and resync</h2>
 * Every error is a {@link PacketException}; after any of them the message in progress is dropped
 * and the reassembler waits for the next start packet, rejecting each continuation until then
 * with {@link ContinuationWithoutStartException}:
 * <ul>
 *   <li>{@link MalformedPacketException}: empty packet, packet over 512 bytes, start packet
 *       shorter than its header (extended 13-bit needs 2 bytes, 16-bit 3), header type 11;</li>
 *   <li>{@link ContinuationWithoutStartException}: continuation while idle;</li>
 *   <li>{@link CounterOutOfSequenceException}: see above;</li>
 *   <li>{@link MessageTooLongException}: declared length above the limit. Thrown once, at the
 *       start packet; the reassembler then <em>discards</em> the rest of that message: the
 *       continuations that carry its remaining declared bytes are dropped without an error and
 *       counted in {@link #packetsDiscarded()} (as Netty's {@code LengthFieldBasedFrameDecoder}
 *       discards a too-long frame). A start packet ends the discarding early; so does a
 *       continuation carrying more than the bytes still declared, which is then an orphan
 *       ({@link ContinuationWithoutStartException});</li>
 *   <li>{@link MessageOverrunException}: a packet carrying more bytes than the message still
 *       needs (a continuation, or a start packet longer than the length it declares);</li>
 *   <li>{@link IncompleteMessageException}: a start packet while a message is in progress. The
 *       partial message is dropped and the start packet is <em>not consumed</em>: offer it again
 *       ({@link MessageAssembler} does).</li>
 * </ul>
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization", "Packet Headers", "Continuation Packets".
 */
public final class PacketReassembler {
    /** The default and largest useful limit: the longest length a 16-bit header can declare. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 65535;
    /** The longest packet accepted, bytes: the largest attribute value Bluetooth allows. */
    public static final int MAX_PACKET_LENGTH = 512;

    private static final byte[] NEED_MORE = null;
    private static final byte[] EMPTY_MESSAGE = new byte[0];
    private static final int UNDECIDED = 0;
    private static final int COUNTING = 1;
    private static final int ALWAYS_ZERO = 2;

    private final int maxMessageLength;
    private long duplicatesDropped;
    private long packetsDiscarded;
    /** Bytes of a too-long message still to be discarded; 0 when not discarding. */
    private int discarding;

    /** The message in progress, or {@code null} when idle. */
    private byte[] buffer;
    private int expected;
    private int received;
    private int mode;
    /**
     * Counter and length of the previous continuation, whose bytes end the message so far;
     * {@code lastLength} is -1 before the first continuation.
     */
    private int lastCounter;
    private int lastLength = -1;

    /** The last continuation of the message just completed (counter, payload), while idle. */
    private final byte[] tail = new byte[MAX_PACKET_LENGTH];
    private int tailLength = -1;
    private int tailCounter;

    /** A reassembler accepting messages of up to {@value #DEFAULT_MAX_MESSAGE_LENGTH} bytes. */
    public PacketReassembler() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /**
     * @param maxMessageLength the longest message accepted, bytes; a start packet declaring more
     *                         is rejected with {@link MessageTooLongException}
     * @throws IllegalArgumentException when {@code maxMessageLength} is negative
     */
    public PacketReassembler(int maxMessageLength) {
        if (maxMessageLength < 0) {
            throw new IllegalArgumentException("maxMessageLength is negative: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /**
     * Offers the next packet received on this characteristic.
     *
     * @param packet the GATT value, 1..{@value #MAX_PACKET_LENGTH} bytes; read, not kept
     * @return the complete message, headers stripped, or empty when more packets are needed
     *         (also when the packet was a dropped duplicate)
     * @throws PacketException on any invalid packet (see the class documentation); the
     *                         reassembler has then resynced and waits for a start packet
     */
    public Optional<byte[]> accept(byte[] packet) {
        return Optional.ofNullable(offer(packet));
    }

    /**
     * Offers the next packet received on this characteristic, without wrapping the result: the
     * allocation-free form of {@link #accept(byte[])}, for the notification path.
     *
     * @param packet the GATT value, 1..{@value #MAX_PACKET_LENGTH} bytes; read, not kept
     * @return the complete message, headers stripped (a shared empty array for a 0-byte message),
     *         or {@code null} when more packets are needed (also when the packet was a dropped
     *         duplicate)
     * @throws PacketException on any invalid packet (see the class documentation); the
     *                         reassembler has then resynced and waits for a start packet
     */
    public byte[] offer(byte[] packet) {
        Objects.requireNonNull(packet, "packet");
        int length = packet.length;
        if (length == 0) {
            throw fail(new MalformedPacketException("empty packet", 0));
        }
        if (length > MAX_PACKET_LENGTH) {
            throw fail(new MalformedPacketException(
                    "longer than " + MAX_PACKET_LENGTH + " bytes", length));
        }
        int header = packet[0] & 0xFF;
        if ((header & 0x80) != 0) {
            if (discarding > 0 && length - 1 <= discarding) {
                discarding -= length - 1;
                packetsDiscarded++;
                return NEED_MORE;
            }
            discarding = 0;
            return continuation(packet, header & 0x0F);
        }
        discarding = 0;
        if (buffer != null) {
            throw fail(new IncompleteMessageException(received, expected));
        }
        return start(packet, header);
    }

    private byte[] start(byte[] packet, int header) {
        int length = packet.length;
        int headerLength;
        int declared;
        switch (header >>> 5) {
            case 0b00 -> {
                headerLength = 1;
                declared = header & 0x1F;
            }
            case 0b01 -> {
                if (length < 2) {
                    throw fail(new MalformedPacketException("extended 13-bit header needs 2 bytes", length));
                }
                headerLength = 2;
                declared = ((header & 0x1F) << 8) | (packet[1] & 0xFF);
            }
            case 0b10 -> {
                if (length < 3) {
                    throw fail(new MalformedPacketException("extended 16-bit header needs 3 bytes", length));
                }
                headerLength = 3;
                declared = ((packet[1] & 0xFF) << 8) | (packet[2] & 0xFF);
            }
            default -> throw fail(new MalformedPacketException("reserved header type 0b11", length));
        }
        if (declared > maxMessageLength) {
            MessageTooLongException tooLong = fail(new MessageTooLongException(declared, maxMessageLength));
            discarding = Math.max(0, declared - (length - headerLength));
            throw tooLong;
        }
        int payload = length - headerLength;
        if (payload > declared) {
            throw fail(new MessageOverrunException(declared, 0, payload));
        }
        tailLength = -1;
        if (declared == 0) {
            return EMPTY_MESSAGE;
        }
        if (payload == declared) {
            return Arrays.copyOfRange(packet, headerLength, length);
        }
        byte[] message = new byte[declared];
        System.arraycopy(packet, headerLength, message, 0, payload);
        buffer = message;
        expected = declared;
        received = payload;
        lastLength = -1;
        mode = UNDECIDED;
        return NEED_MORE;
    }

    private byte[] continuation(byte[] packet, int counter) {
        int payload = packet.length - 1;
        if (buffer == null) {
            if (tailLength == payload && counter == tailCounter
                    && Arrays.equals(packet, 1, packet.length, tail, 0, payload)) {
                duplicatesDropped++;
                return NEED_MORE;
            }
            throw fail(new ContinuationWithoutStartException(counter));
        }
        if (lastLength < 0) {
            if (counter != 0) {
                throw fail(new CounterOutOfSequenceException(0, counter));
            }
        } else if (counter == lastCounter && payload == lastLength
                && Arrays.equals(packet, 1, packet.length, buffer, received - lastLength, received)) {
            duplicatesDropped++;
            return NEED_MORE;
        } else if (mode == ALWAYS_ZERO) {
            if (counter != 0) {
                throw fail(new CounterOutOfSequenceException(0, counter));
            }
        } else if (counter == ((lastCounter + 1) & 0x0F)) {
            mode = COUNTING;
        } else if (mode == UNDECIDED && counter == 0) {
            mode = ALWAYS_ZERO;
        } else {
            throw fail(new CounterOutOfSequenceException((lastCounter + 1) & 0x0F, counter));
        }
        if (payload > expected - received) {
            throw fail(new MessageOverrunException(expected, received, payload));
        }
        System.arraycopy(packet, 1, buffer, received, payload);
        lastCounter = counter;
        lastLength = payload;
        received += payload;
        if (received < expected) {
            return NEED_MORE;
        }
        byte[] message = buffer;
        clearMessage();
        System.arraycopy(packet, 1, tail, 0, payload);
        tailLength = payload;
        tailCounter = counter;
        return message;
    }

    /** Drops any message in progress and forgets the last packet; the next packet must start a message. */
    public void reset() {
        clearMessage();
        tailLength = -1;
        discarding = 0;
    }

    private void clearMessage() {
        buffer = null;
        expected = 0;
        received = 0;
        lastLength = -1;
        mode = UNDECIDED;
    }

    private <E extends PacketException> E fail(E error) {
        reset();
        return error;
    }

    /** {@code true} while a message has started and is not complete. */
    public boolean inProgress() {
        return buffer != null;
    }

    /** The length declared by the message in progress, bytes; 0 when idle. */
    public int expectedLength() {
        return expected;
    }

    /** Message bytes received so far for the message in progress; 0 when idle. */
    public int received() {
        return received;
    }

    /** Exact duplicate continuation packets dropped since this reassembler was created. */
    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    /**
     * Continuation packets dropped without an error because they belonged to a message whose
     * start packet declared more than the limit (reported once, by {@link MessageTooLongException}).
     */
    public long packetsDiscarded() {
        return packetsDiscarded;
    }

    /** The longest message accepted, bytes. */
    public int maxMessageLength() {
        return maxMessageLength;
    }
}
