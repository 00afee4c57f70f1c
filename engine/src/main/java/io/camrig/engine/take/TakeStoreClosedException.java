package io.camrig.engine.take;

import io.camrig.proto.error.PermanentCamrigException;
import java.nio.file.Path;

/**
 * A write to a {@link TakeStore} after {@link TakeStore#close}: the process that owns it (the rig
 * service, a cluster node) is stopping, and nothing more is written under its media directory.
 */
public class TakeStoreClosedException extends PermanentCamrigException {
    public TakeStoreClosedException(Path mediaDir) {
        super("the take store of " + mediaDir + " is closed: nothing more is written there", null, "write take", null);
    }
}
