package io.camrig.ble.packet;

/**
 * A message longer than allowed. The {@link PacketReassembler} throws it when a start packet
 * declares a length above its limit (checked before any buffer is allocated); the
 * {@link PacketFragmenter} throws it when a message does not fit the header it must use
 * (65535 bytes for any header; 8191 for extended 13-bit; 31 for general).
 *
 * <p>Spec: BLE "Data Protocol" / "Packet Headers".
 */
public final class MessageTooLongException extends PacketException {
    private final int length;
    private final int limit;

    /**
     * @param length the declared or actual message length, bytes
     * @param limit  the largest length allowed, bytes
     */
    public MessageTooLongException(int length, int limit) {
        super("message of " + length + " bytes is longer than the limit of " + limit + " bytes");
        this.length = length;
        this.limit = limit;
    }

    /** The declared or actual message length, bytes. */
    public int length() {
        return length;
    }

    /** The largest length allowed, bytes. */
    public int limit() {
        return limit;
    }
}
