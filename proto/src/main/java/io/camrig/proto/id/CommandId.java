package io.camrig.proto.id;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.OperationInfo;

/**
 * TLV command ids, written to GP-0072 (Command); Keep Alive (0x5B) is written to GP-0074.
 * Source: Open GoPro BLE spec, "ID Tables" / "Command IDs"; references.json {@code operations}.
 */
public final class CommandId {
    public static final int SET_SHUTTER = 0x01;
    /** Power Down: the camera switches off (extension used by the SDKs, not in the published spec). */
    public static final int POWER_DOWN = 0x04;
    public static final int SLEEP = 0x05;
    public static final int SET_DATE_TIME = 0x0D;
    public static final int GET_DATE_TIME = 0x0E;
    public static final int SET_LOCAL_DATE_TIME = 0x0F;
    public static final int GET_LOCAL_DATE_TIME = 0x10;
    public static final int REBOOT = 0x11;
    public static final int SET_AP_CONTROL = 0x17;
    public static final int HILIGHT_MOMENT = 0x18;
    public static final int PRESS_BUTTON = 0x1B;
    public static final int GET_HARDWARE_INFO = 0x3C;
    public static final int LOAD_PRESET_GROUP = 0x3E;
    public static final int LOAD_PRESET = 0x40;
    public static final int DELETE_ALL_FILES = 0x41;
    /** Set Analytics: in the 2024 ID table, not in references.json. */
    public static final int SET_ANALYTICS = 0x50;
    public static final int GET_OPEN_GOPRO_VERSION = 0x51;
    public static final int KEEP_ALIVE = 0x5B;

    private CommandId() {
    }

    /**
     * A snake_case name for a command id (the catalog's operation name, e.g. {@code set_shutter}), or
     * {@code null} when the id is not known.
     */
    public static String name(int id) {
        return id >= 0 && id < NAMES.length ? NAMES[id] : null;
    }

    /** Names by id, computed once from the catalog: decoding looks them up for every response. */
    private static final String[] NAMES = new String[256];

    static {
        for (int id = 0; id < NAMES.length; id++) {
            NAMES[id] = Catalog.command(id).map(OperationInfo::snakeName).orElse(null);
        }
        NAMES[SET_ANALYTICS] = "set_analytics";
    }
}
