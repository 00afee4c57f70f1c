package io.camrig.cluster.wire;

import java.util.List;

/**
 * A node's presence on {@code camrig/v1/node/{node}/presence}, retained. Published "online" with
 * the node's cameras when it (re)connects; the broker publishes the node's Last Will "offline"
 * when the node is lost uncleanly (after the will delay), and the node publishes it itself when it
 * stops cleanly.
 *
 * @param node    the node's id
 * @param state   {@code "online"} or {@code "offline"}
 * @param pid     the node's process id (0 in a Last Will)
 * @param cameras the node's cameras, in its rig order (empty in a Last Will)
 */
public record Presence(String node, String state, long pid, List<CameraRef> cameras) {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public Presence {
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    public boolean online() {
        return ONLINE.equals(state);
    }

    /**
     * One camera of a node.
     *
     * @param index    1-based position in the node's rig
     * @param name     advertised name, e.g. {@code GoPro 0003}
     * @param address  BLE address on that node
     * @param serial   serial number (Get Hardware Info, 0x3C, read when the node starts), or null
     *                 when it could not be read
     * @param model    model name, or null
     * @param firmware firmware version, or null
     */
    public record CameraRef(int index, String name, String address, String serial, String model, String firmware) {
        /** A camera whose identity is not known. */
        public CameraRef(int index, String name, String address) {
            this(index, name, address, null, null, null);
        }
    }
}
