package io.camrig.cluster;

import java.util.regex.Pattern;

/**
 * The versioned MQTT topic tree of a camrig cluster (version {@value #VERSION}). Who publishes
 * is in the topic: a node only under {@code camrig/v1/node/<its id>/…}, the coordinator only
 * under {@code camrig/v1/coord/…}; brokers enforce that per user (docs/multi-host.md).
 *
 * <pre>
 * camrig/v1/node/{node}/presence   node → all   retained; "online" on connect, Last Will "offline"
 * camrig/v1/node/{node}/reply      node → coord  per-camera outcomes of a command, by request id
 * camrig/v1/node/{node}/status     node → coord  status fan-in (status value updates)
 * camrig/v1/node/{node}/clock      node → coord  clock exchange request (t1)
 * camrig/v1/coord/cmd/{node}       coord → node  a command, with a request id
 * camrig/v1/coord/fire             coord → nodes fire at instant T (coordinator clock), with expiry
 * camrig/v1/coord/clock/{node}     coord → node  clock exchange answer (t1, t2, t3)
 * </pre>
 */
public final class Topics {
    /** The version of the tree and of the payloads in it. */
    public static final String VERSION = "v1";
    /** The root of every topic. */
    public static final String ROOT = "camrig/" + VERSION;
    /** The user name the coordinator connects with; no node may take it as its id. */
    public static final String COORDINATOR = "coordinator";

    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private Topics() {
    }

    /**
     * Checks a node id: 1–32 characters of {@code a-z 0-9 _ -}, starting with a letter or digit,
     * not {@value #COORDINATOR}; so it is one topic level with no wildcard and no path.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireNodeId(String id) {
        if (id == null || !NODE_ID.matcher(id).matches() || COORDINATOR.equals(id)) {
            throw new IllegalArgumentException("node id must be 1-32 of a-z 0-9 _ - (not '" + COORDINATOR
                    + "'), got " + (id == null ? "null" : "'" + id.replaceAll("[^ -~]", "?") + "'"));
        }
        return id;
    }

    public static String presence(String node) {
        return ROOT + "/node/" + node + "/presence";
    }

    public static String reply(String node) {
        return ROOT + "/node/" + node + "/reply";
    }

    public static String status(String node) {
        return ROOT + "/node/" + node + "/status";
    }

    public static String clockRequest(String node) {
        return ROOT + "/node/" + node + "/clock";
    }

    public static String command(String node) {
        return ROOT + "/coord/cmd/" + node;
    }

    public static String fire() {
        return ROOT + "/coord/fire";
    }

    public static String clockAnswer(String node) {
        return ROOT + "/coord/clock/" + node;
    }

    /** Everything any node publishes (the coordinator's subscription). */
    public static String allNodes() {
        return ROOT + "/node/+/#";
    }

    /** The node id in a {@code camrig/v1/node/{node}/…} topic, or null. */
    public static String nodeOf(String topic) {
        String prefix = ROOT + "/node/";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        int end = topic.indexOf('/', prefix.length());
        return end < 0 ? null : topic.substring(prefix.length(), end);
    }

    /** The last level of a topic, e.g. {@code presence}. */
    public static String kind(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }
}
