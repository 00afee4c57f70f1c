package io.camrig.ble.packet;

/**
 * A continuation packet ({@code 1RRRCCCC}) arrived while no message was in progress: its start
 * packet was lost, or an earlier error dropped the message it belonged to. The packet is
 * discarded; the reassembler keeps waiting for a start packet.
 *
 * <p>Spec: BLE "Data Protocol" / "Continuation Packets".
 */
public final class ContinuationWithoutStartException extends PacketException {
    private final int counter;

    /** @param counter the orphan packet's 4-bit counter, 0x0..0xF */
    public ContinuationWithoutStartException(int counter) {
        super(String.format("continuation packet (counter 0x%X) without a start packet", counter));
        this.counter = counter;
    }

    /** The orphan packet's 4-bit counter, 0x0..0xF. */
    public int counter() {
        return counter;
    }
}
