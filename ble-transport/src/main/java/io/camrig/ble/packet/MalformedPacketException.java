package io.camrig.ble.packet;

/**
 * A packet that no header format accepts: an empty packet, a packet longer than
 * {@value PacketReassembler#MAX_PACKET_LENGTH} bytes, a start packet shorter than its own header
 * (extended 13-bit needs 2 bytes, extended 16-bit needs 3), or a start packet with the reserved
 * header type {@code 0b11} (byte 0 = {@code 011xxxxx}).
 *
 * <p>Spec: BLE "Data Protocol" / "Packet Headers".
 */
public final class MalformedPacketException extends PacketException {
    private final int packetLength;

    /**
     * @param reason       what is wrong, for the message
     * @param packetLength the packet's length in bytes, header included
     */
    public MalformedPacketException(String reason, int packetLength) {
        super("malformed packet of " + packetLength + " bytes: " + reason);
        this.packetLength = packetLength;
    }

    /** The packet's length in bytes, header included. */
    public int packetLength() {
        return packetLength;
    }
}
