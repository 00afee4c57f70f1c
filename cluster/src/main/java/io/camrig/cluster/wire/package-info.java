/**
 * The payloads of the cluster's topics ({@link io.camrig.cluster.Topics}), as JSON (UTF-8): small
 * messages, readable with {@code mosquitto_sub} when debugging a stage, and extended by adding
 * fields (unknown fields are ignored, so an older node reads a newer coordinator's messages).
 * Instants are nanoseconds in the coordinator's clock unless a field says otherwise.
 */
package io.camrig.cluster.wire;
