package io.camrig.engine.rig;

import io.camrig.proto.error.TransientCamrigException;
import java.time.Duration;

/** A scan heard no camera advertising service 0xFEA6. */
public class NoCamerasFoundException extends TransientCamrigException {
    public NoCamerasFoundException(Duration scanned) {
        super("no GoPro advertising service 0xFEA6 was found in " + scanned.toMillis() + " ms", null, "scan", null);
    }
}
