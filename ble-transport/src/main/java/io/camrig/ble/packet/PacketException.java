package io.camrig.ble.packet;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A packet that cannot be part of a valid message, or a message that cannot be packetized.
 * Permanent: offering the same bytes again gives the same answer.
 *
 * <p>When the {@link PacketReassembler} throws one, it has already dropped the message in
 * progress and waits for the next start packet (resync). {@link #packetConsumed()} tells whether
 * the offending packet was used up ({@code true} for every error except
 * {@link IncompleteMessageException}, whose start packet must be offered again).
 *
 * <p>The hierarchy is sealed: {@link ContinuationWithoutStartException},
 * {@link CounterOutOfSequenceException}, {@link MessageTooLongException},
 * {@link MessageOverrunException}, {@link MalformedPacketException},
 * {@link IncompleteMessageException}. None carries a camera or operation: the packet layer does
 * not know them; the owner of the reassembler adds them when it reports the error.
 *
 * <p>Spec: BLE "Data Protocol" / "Packetization".
 */
public abstract sealed class PacketException extends PermanentCamrigException
        permits ContinuationWithoutStartException, CounterOutOfSequenceException,
                MessageTooLongException, MessageOverrunException, MalformedPacketException,
                IncompleteMessageException {

    PacketException(String message) {
        super(message, null, null, null);
    }

    /**
     * {@code true} when the packet that caused this error has been used up; {@code false} when
     * the caller must offer the same packet to the reassembler again (only
     * {@link IncompleteMessageException}).
     */
    public boolean packetConsumed() {
        return true;
    }
}
