package io.camrig.http.model;

/**
 * Who controls the camera ({@code EnumCameraControlStatus}), set with {@code GET
 * /gopro/camera/control/set_ui_controller?p=} ({@code OGP_SET_CAMERA_CONTROL_STATUS}).
 */
public enum CameraControlStatus {
    /** 0: nobody claims control. */
    IDLE(0),
    /** 1: the camera's own UI (set by the camera only). */
    CAMERA(1),
    /** 2: an external client (this one) claims control. */
    EXTERNAL(2),
    /** 3: the camera is on its cloud-offload setup screen (set by the camera only). */
    COF_SETUP(3);

    private final int value;

    CameraControlStatus(int value) {
        this.value = value;
    }

    /** The value sent as {@code p}. */
    public int value() {
        return value;
    }
}
