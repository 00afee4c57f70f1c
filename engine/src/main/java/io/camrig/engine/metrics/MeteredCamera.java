package io.camrig.engine.metrics;

import io.camrig.engine.camera.LinkStats;

/**
 * A camera as {@link RigMetrics} sees it: the name its meters are tagged with and its link's
 * discard counts. The rig's members implement it, so the metrics do not depend on the rig that
 * records into them.
 */
public interface MeteredCamera {
    /** The camera's BLE advertised name, for example {@code GoPro 0001}: the {@code camera} tag. */
    String advertisedName();

    /** The packets, messages and deliveries this camera's links have discarded so far (all links, not only the current one). */
    LinkStats linkStats();

    /** How many of this camera's operations were sent again at least once after a transient error. */
    long retriedCalls();
}
