package io.camrig.engine.camera;

/**
 * A status value the camera reported, from a query response or a push notification (0x93).
 *
 * @param statusId      status id (Open GoPro BLE spec, "Statuses")
 * @param value         the value as an unsigned integer (booleans are 0 or 1)
 * @param receivedNanos {@link System#nanoTime()} when the message carrying it was decoded
 */
public record StatusUpdate(int statusId, long value, long receivedNanos) {
}
