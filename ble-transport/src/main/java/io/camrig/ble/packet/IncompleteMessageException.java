package io.camrig.ble.packet;

/**
 * A start packet arrived while a message was still in progress: the rest of that message was
 * lost. The partial message is dropped; this exception says how many of its bytes had arrived.
 *
 * <p><strong>The start packet is not consumed</strong> ({@link #packetConsumed()} is
 * {@code false}): the reassembler is now idle and the caller must offer the same packet again so
 * the new message is not lost too. {@link MessageAssembler} does this for you.
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
public final class IncompleteMessageException extends PacketException {
    private final int received;
    private final int expectedLength;

    /**
     * @param received       message bytes that had arrived, bytes
     * @param expectedLength the length the dropped message declared, bytes
     */
    public IncompleteMessageException(int received, int expectedLength) {
        super("message dropped after " + received + " of " + expectedLength
                + " bytes: a new start packet arrived (offer it again)");
        this.received = received;
        this.expectedLength = expectedLength;
    }

    /** Message bytes of the dropped message that had arrived. */
    public int received() {
        return received;
    }

    /** The length the dropped message declared, bytes. */
    public int expectedLength() {
        return expectedLength;
    }

    /** Always {@code false}: offer the start packet again. */
    @Override
    public boolean packetConsumed() {
        return false;
    }
}
