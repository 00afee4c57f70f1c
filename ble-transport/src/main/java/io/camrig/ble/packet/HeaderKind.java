package io.camrig.ble.packet;

/**
 * The three start-packet header formats of the Open GoPro data protocol. The header is followed
 * by the first bytes of the message; the length it declares is the length of the whole message
 * in bytes, unsigned, big-endian.
 *
 * <pre>
 *   GENERAL_5     byte 0: 0 00 LLLLL                        1 header byte, length 0..31
 *   EXTENDED_13   byte 0: 0 01 LLLLL  byte 1: LLLLLLLL      2 header bytes, length 0..8191
 *   EXTENDED_16   byte 0: 0 10 00000  bytes 1-2: length     3 header bytes, length 0..65535
 * </pre>
 * The five low bits of an extended 16-bit header byte 0 are reserved: sent as zero, ignored on
 * receipt. The header type {@code 11} is reserved and has no constant here.
 *
 * <p>Spec: BLE "Data Protocol" / "Packet Headers". The spec recommends that clients always send
 * {@link #EXTENDED_13}; {@link #EXTENDED_16} is only ever sent by a camera (our simulator uses it).
 */
public enum HeaderKind {
    /** General (5-bit) header: one byte, {@code 000LLLLL}; messages of 0..31 bytes. */
    GENERAL_5(0b00, 1, 31),
    /** Extended (13-bit) header: two bytes, {@code 001LLLLL LLLLLLLL}; messages of 0..8191 bytes. */
    EXTENDED_13(0b01, 2, 8191),
    /** Extended (16-bit) header: three bytes, {@code 01000000} then the length; 0..65535 bytes. */
    EXTENDED_16(0b10, 3, 65535);

    private final int type;
    private final int headerLength;
    private final int maxMessageLength;

    HeaderKind(int type, int headerLength, int maxMessageLength) {
        this.type = type;
        this.headerLength = headerLength;
        this.maxMessageLength = maxMessageLength;
    }

    /** Header size in bytes: 1, 2 or 3. */
    public int headerLength() {
        return headerLength;
    }

    /** The longest message, in bytes, whose length this header can declare. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /** The two header-type bits (bits 6-5 of byte 0): 0b00, 0b01 or 0b10. */
    public int typeBits() {
        return type;
    }

    /**
     * The smallest header that can declare {@code messageLength}: general up to 31 bytes,
     * extended 13-bit up to 8191, extended 16-bit up to 65535.
     *
     * @throws MessageTooLongException   when {@code messageLength} is above 65535
     * @throws IllegalArgumentException  when {@code messageLength} is negative
     */
    public static HeaderKind smallestFor(int messageLength) {
        if (messageLength < 0) {
            throw new IllegalArgumentException("message length is negative: " + messageLength);
        }
        for (HeaderKind kind : values()) {
            if (messageLength <= kind.maxMessageLength) {
                return kind;
            }
        }
        throw new MessageTooLongException(messageLength, EXTENDED_16.maxMessageLength);
    }

    /**
     * Writes this header declaring {@code messageLength} at the start of {@code packet}.
     * The caller has checked {@code messageLength <= maxMessageLength()}.
     */
    void write(int messageLength, byte[] packet) {
        switch (this) {
            case GENERAL_5 -> packet[0] = (byte) messageLength;
            case EXTENDED_13 -> {
                packet[0] = (byte) ((type << 5) | (messageLength >>> 8));
                packet[1] = (byte) messageLength;
            }
            case EXTENDED_16 -> {
                packet[0] = (byte) (type << 5);
                packet[1] = (byte) (messageLength >>> 8);
                packet[2] = (byte) messageLength;
            }
        }
    }
}
