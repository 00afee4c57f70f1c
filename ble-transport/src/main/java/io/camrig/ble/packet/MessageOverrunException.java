package io.camrig.ble.packet;

/**
 * A packet carries more message bytes than its message still needs: a continuation that goes
 * past the length the start packet declared, or a start packet whose own payload is longer than
 * the length it declares. The message in progress is dropped; nothing is truncated silently.
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization" (the start header declares the message length).
 */
public final class MessageOverrunException extends PacketException {
    private final int declaredLength;
    private final int alreadyReceived;
    private final int packetPayloadLength;

    /**
     * @param declaredLength      the message length the start packet declared, bytes
     * @param alreadyReceived     message bytes received before this packet, bytes
     * @param packetPayloadLength message bytes this packet carries (header excluded), bytes
     */
    public MessageOverrunException(int declaredLength, int alreadyReceived, int packetPayloadLength) {
        super("packet carries " + packetPayloadLength + " bytes but the message declared "
                + declaredLength + " bytes and " + alreadyReceived + " had arrived");
        this.declaredLength = declaredLength;
        this.alreadyReceived = alreadyReceived;
        this.packetPayloadLength = packetPayloadLength;
    }

    /** The message length the start packet declared, bytes. */
    public int declaredLength() {
        return declaredLength;
    }

    /** Message bytes received before the offending packet, bytes. */
    public int alreadyReceived() {
        return alreadyReceived;
    }

    /** Message bytes the offending packet carries, header excluded. */
    public int packetPayloadLength() {
        return packetPayloadLength;
    }
}
