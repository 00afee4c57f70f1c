package io.camrig.engine.rig;

import io.camrig.proto.error.TransientCamrigException;

/**
 * A latency-compensated fire needed a camera's one-way latency, and measuring it (Keep Alive
 * round trips, 0x5B) gave no answer: the camera is left out of the fire rather than fired
 * uncompensated. Transient: a camera that answers again can be measured again.
 */
public class LatencyUnknownException extends TransientCamrigException {
    public LatencyUnknownException(String camera, int rounds) {
        super("no latency estimate: none of " + rounds + " keep-alive round trips was answered", camera,
                "measure latency", null);
    }
}
