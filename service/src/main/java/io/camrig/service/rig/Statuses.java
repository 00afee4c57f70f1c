package io.camrig.service.rig;

/**
 * Status ids the console shows beyond the engine's {@link io.camrig.proto.id.StatusId}. Source:
 * Open GoPro BLE spec, "Statuses" (references.json {@code statuses}).
 */
final class Statuses {
    /** boolean: the camera is overheating. */
    static final int OVERHEATING = 6;
    /** uint32: video that fits on the SD card at the current settings, seconds. */
    static final int VIDEO_REMAINING_S = 35;
    /** boolean: the camera is too cold. */
    static final int COLD = 85;
    /** uint32: the current preset group (1000 video, 1001 photo, 1002 time lapse). */
    static final int PRESET_GROUP = 96;

    private Statuses() {
    }
}
