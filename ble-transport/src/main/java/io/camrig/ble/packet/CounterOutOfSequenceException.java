package io.camrig.ble.packet;

/**
 * A continuation packet whose 4-bit counter is not the one expected: a packet was lost or
 * reordered. The message in progress is dropped.
 *
 * <p>Expected counters: the first continuation of a message carries 0x0; after that a counting
 * sender increments by one, wrapping from 0xF to 0x0, and an "always 0x80" sender keeps 0x0.
 * See {@link PacketReassembler} for the full policy.
 *
 * <p>Spec: BLE "Data Protocol" / "Continuation Packets" ("Counters start at 0x0 and reset after
 * 0xF").
 */
public final class CounterOutOfSequenceException extends PacketException {
    private final int expectedCounter;
    private final int actualCounter;

    /**
     * @param expectedCounter the counter the reassembler expected, 0x0..0xF
     * @param actualCounter   the counter the packet carried, 0x0..0xF
     */
    public CounterOutOfSequenceException(int expectedCounter, int actualCounter) {
        super(String.format("continuation counter out of sequence: expected 0x%X, got 0x%X",
                expectedCounter, actualCounter));
        this.expectedCounter = expectedCounter;
        this.actualCounter = actualCounter;
    }

    /** The counter the reassembler expected, 0x0..0xF. */
    public int expectedCounter() {
        return expectedCounter;
    }

    /** The counter the packet carried, 0x0..0xF. */
    public int actualCounter() {
        return actualCounter;
    }
}
