package io.camrig.engine.camera;

import io.camrig.proto.message.CameraMessage;

/**
 * The outcome of one request/response exchange.
 *
 * @param response        the camera's response
 * @param writeIssuedNanos {@link System#nanoTime()} when the first packet's write was issued to
 *                        the transport
 * @param completedNanos  {@link System#nanoTime()} when the response was decoded
 */
public record ExchangeResult(CameraMessage response, long writeIssuedNanos, long completedNanos) {
    /** Round-trip time in nanoseconds. */
    public long roundTripNanos() {
        return completedNanos - writeIssuedNanos;
    }
}
