package io.camrig.engine.camera;

/**
 * What one camera's inbound pipeline had to discard, since the camera was opened.
 *
 * @param packetErrors      packets rejected by the reassembler (orphan continuation, counter
 *                          skip, overrun, interrupted message …); each is counted once
 * @param duplicatesDropped exact duplicate packets dropped silently
 * @param decodeErrors      reassembled messages that did not decode
 */
public record LinkStats(long packetErrors, long duplicatesDropped, long decodeErrors) {
    /** The sum of two counts (e.g. across reconnects). */
    public LinkStats plus(LinkStats other) {
        return new LinkStats(packetErrors + other.packetErrors, duplicatesDropped + other.duplicatesDropped,
                decodeErrors + other.decodeErrors);
    }
}
