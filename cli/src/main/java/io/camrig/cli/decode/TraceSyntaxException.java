package io.camrig.cli.decode;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * A trace line that is not {@code <characteristic> <hex packet>}: no packet, an unknown
 * characteristic, a service instead of a characteristic, or hex that does not parse. Reported as
 * an error object by {@link TraceDecoder}; decoding goes on with the next line.
 */
public final class TraceSyntaxException extends PermanentCamrigException {
    /** @param message what is wrong with the line (never the line's secret bytes) */
    public TraceSyntaxException(String message) {
        super(message, null, null, null);
    }
}
