package io.camrig.engine.offload;

import io.camrig.proto.error.PermanentCamrigException;

/**
 * The camera that answered over HTTP reports another serial number ({@code /gopro/camera/info},
 * {@code serial_number}) than the one its files would be credited to: for example two cameras
 * reached over BlueZ without COHN both at {@code 10.5.5.9}. Nothing is downloaded from it.
 */
public class WrongCameraException extends PermanentCamrigException {
    public WrongCameraException(String expectedSerial, String reportedSerial, String camera) {
        super("expected camera " + expectedSerial + " but " + reportedSerial + " answered; nothing credited",
                camera, "GET /gopro/camera/info", null);
    }
}
