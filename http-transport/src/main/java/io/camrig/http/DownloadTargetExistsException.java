package io.camrig.http;

import io.camrig.proto.error.PermanentCamrigException;
import java.nio.file.Path;

/**
 * A download's target name holds a different file (another size or SHA-256) and the download's
 * {@link ExistingFilePolicy} is {@link ExistingFilePolicy#REFUSE}: nothing was replaced, the
 * downloaded bytes were dropped. Permanent until the user moves the file or picks another folder.
 */
public class DownloadTargetExistsException extends PermanentCamrigException {
    private final transient Path target;

    public DownloadTargetExistsException(Path target, String camera, String operation) {
        super(target + " already holds a different file; not replaced", camera, operation, null);
        this.target = target;
    }

    /** The path that was left untouched. */
    public Path target() {
        return target;
    }
}
