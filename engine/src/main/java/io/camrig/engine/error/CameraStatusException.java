package io.camrig.engine.error;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The camera answered but refused: a TLV status other than success (1 error, 2 invalid
 * parameter), or a protobuf result other than RESULT_SUCCESS. Permanent for that request.
 */
public class CameraStatusException extends PermanentCamrigException {
    private final String status;

    public CameraStatusException(String camera, String operation, String status) {
        super("camera answered " + status, camera, operation, null);
        this.status = status;
    }

    /** The status the camera answered, e.g. {@code error}, {@code RESULT_NOT_SUPPORTED}. */
    public String status() {
        return status;
    }
}
