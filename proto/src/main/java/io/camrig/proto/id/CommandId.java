package io.camrig.proto.id;

/**
 * TLV command ids, written to GP-0072 (Command). Source: Open GoPro BLE spec, "ID Tables" /
 * "Command IDs".
 */
public final class CommandId {
    public static final int SET_SHUTTER = 0x01;
    public static final int SLEEP = 0x05;
    public static final int SET_DATE_TIME = 0x0D;
    public static final int GET_DATE_TIME = 0x0E;
    public static final int SET_LOCAL_DATE_TIME = 0x0F;
    public static final int GET_LOCAL_DATE_TIME = 0x10;
    public static final int SET_AP_CONTROL = 0x17;
    public static final int HILIGHT_MOMENT = 0x18;
    public static final int GET_HARDWARE_INFO = 0x3C;
    public static final int LOAD_PRESET_GROUP = 0x3E;
    public static final int LOAD_PRESET = 0x40;
    public static final int SET_ANALYTICS = 0x50;
    public static final int GET_OPEN_GOPRO_VERSION = 0x51;
    public static final int KEEP_ALIVE = 0x5B;

    private CommandId() {
    }

    /** A snake_case name for a command id, or {@code null} when the id is not known. */
    public static String name(int id) {
        return switch (id) {
            case SET_SHUTTER -> "set_shutter";
            case SLEEP -> "sleep";
            case SET_DATE_TIME -> "set_date_time";
            case GET_DATE_TIME -> "get_date_time";
            case SET_LOCAL_DATE_TIME -> "set_local_date_time";
            case GET_LOCAL_DATE_TIME -> "get_local_date_time";
            case SET_AP_CONTROL -> "set_ap_control";
            case HILIGHT_MOMENT -> "hilight_moment";
            case GET_HARDWARE_INFO -> "get_hardware_info";
            case LOAD_PRESET_GROUP -> "load_preset_group";
            case LOAD_PRESET -> "load_preset";
            case SET_ANALYTICS -> "set_analytics";
            case GET_OPEN_GOPRO_VERSION -> "get_open_gopro_version";
            case KEEP_ALIVE -> "keep_alive";
            default -> null;
        };
    }
}
