package io.camrig.proto.id;

/**
 * The status ids the engine relies on. Source: Open GoPro BLE spec, "Statuses"; the full table
 * lives in references.json and arrives with the catalog.
 */
public final class StatusId {
    /** boolean: is the system busy (loading presets, changing settings …). */
    public static final int BUSY = 8;
    /** boolean: is the camera encoding (capturing video or photos). */
    public static final int ENCODING = 10;
    /** uint8: rough battery level, 0..4 bars (4 = charging). */
    public static final int BATTERY_BARS = 2;
    /** uint32: remaining SD card space in kilobytes. */
    public static final int SD_CARD_REMAINING_KB = 54;
    /** uint8: internal battery level in percent. */
    public static final int BATTERY_PERCENT = 70;
    /** uint8: whether the camera's Wi-Fi AP is on. */
    public static final int AP_ENABLED = 69;
    /** uint8: who claims control (0 idle, 1 camera control, 2 external control). */
    public static final int CAMERA_CONTROL = 114;

    private StatusId() {
    }
}
