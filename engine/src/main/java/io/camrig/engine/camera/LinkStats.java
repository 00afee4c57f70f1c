package io.camrig.engine.camera;

/**
 * What one camera's inbound pipeline had to discard, since the camera was opened.
 *
 * @param packetErrors      packets rejected by the reassembler (orphan continuation, counter
 *                          skip, overrun, interrupted message …); each is counted once
 * @param duplicatesDropped exact duplicate packets dropped silently
 * @param decodeErrors      reassembled messages that did not decode
 * @param deliveriesDropped status updates and unsolicited messages dropped for a subscriber of
 *                          {@code statusUpdates()} or {@code unsolicited()} that fell more than
 *                          256 behind (those streams are best effort)
 */
public record LinkStats(long packetErrors, long duplicatesDropped, long decodeErrors, long deliveriesDropped) {
    /** Nothing discarded. */
    public static final LinkStats NONE = new LinkStats(0, 0, 0, 0);

    /** The sum of two counts (e.g. across reconnects). */
    public LinkStats plus(LinkStats other) {
        return new LinkStats(packetErrors + other.packetErrors, duplicatesDropped + other.duplicatesDropped,
                decodeErrors + other.decodeErrors, deliveriesDropped + other.deliveriesDropped);
    }
}
