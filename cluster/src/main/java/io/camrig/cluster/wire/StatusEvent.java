package io.camrig.cluster.wire;

/**
 * Status fan-in, on {@code camrig/v1/node/{node}/status} (QoS 0): a camera's status value
 * changed (a push of Status Value Updates, 0x93, on the node).
 *
 * @param index    the camera's position in the node's rig
 * @param name     its advertised name
 * @param statusId Open GoPro status id
 * @param value    the new value
 */
public record StatusEvent(int index, String name, int statusId, long value) {
}
