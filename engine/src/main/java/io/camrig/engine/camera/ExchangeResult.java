package io.camrig.engine.camera;

import io.camrig.proto.message.CameraMessage;

/**
 * The outcome of one request/response exchange.
 *
 * @param response        the camera's response
 * @param writeIssuedNanos {@link System#nanoTime()} when the first packet's write was issued to
 *                        the transport, on the writing thread (a fire's: the fire thread), just
 *                        before the transport's write is subscribed; a transport may still hand
 *                        the bytes to a thread of its own (BlueZ: dbus-java's sender thread, see
 *                        docs/bluez.md)
 * @param completedNanos  {@link System#nanoTime()} when the response was decoded
 */
public record ExchangeResult(CameraMessage response, long writeIssuedNanos, long completedNanos) {
    /** Round-trip time in nanoseconds. */
    public long roundTripNanos() {
        return completedNanos - writeIssuedNanos;
    }
}
