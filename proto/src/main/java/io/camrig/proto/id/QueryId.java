package io.camrig.proto.id;

/**
 * TLV query ids, written to GP-0076 (Query); responses and push notifications arrive on GP-0077.
 * Source: Open GoPro BLE spec, "ID Tables" / "Query IDs".
 */
public final class QueryId {
    public static final int GET_SETTING_VALUES = 0x12;
    public static final int GET_STATUS_VALUES = 0x13;
    public static final int GET_SETTING_CAPABILITIES = 0x32;
    public static final int REGISTER_SETTING_VALUE_UPDATES = 0x52;
    public static final int REGISTER_STATUS_VALUE_UPDATES = 0x53;
    public static final int REGISTER_SETTING_CAPABILITY_UPDATES = 0x62;
    public static final int UNREGISTER_SETTING_VALUE_UPDATES = 0x72;
    public static final int UNREGISTER_STATUS_VALUE_UPDATES = 0x73;
    public static final int UNREGISTER_SETTING_CAPABILITY_UPDATES = 0x82;
    /** Push: asynchronous setting value notification. */
    public static final int SETTING_VALUE_PUSH = 0x92;
    /** Push: asynchronous status value notification. */
    public static final int STATUS_VALUE_PUSH = 0x93;
    /** Push: asynchronous setting capability notification. */
    public static final int SETTING_CAPABILITY_PUSH = 0xA2;

    private QueryId() {
    }

    /** {@code true} for the three push notification ids (0x92, 0x93, 0xA2). */
    public static boolean isPush(int id) {
        return id == SETTING_VALUE_PUSH || id == STATUS_VALUE_PUSH || id == SETTING_CAPABILITY_PUSH;
    }

    /** {@code true} when the query's elements are status ids rather than setting ids. */
    public static boolean isStatusQuery(int id) {
        return id == GET_STATUS_VALUES || id == REGISTER_STATUS_VALUE_UPDATES
                || id == UNREGISTER_STATUS_VALUE_UPDATES || id == STATUS_VALUE_PUSH;
    }

    /** A snake_case name for a query id, or {@code null} when the id is not known. */
    public static String name(int id) {
        return switch (id) {
            case GET_SETTING_VALUES -> "get_setting_values";
            case GET_STATUS_VALUES -> "get_status_values";
            case GET_SETTING_CAPABILITIES -> "get_setting_capabilities";
            case REGISTER_SETTING_VALUE_UPDATES -> "register_setting_value_updates";
            case REGISTER_STATUS_VALUE_UPDATES -> "register_status_value_updates";
            case REGISTER_SETTING_CAPABILITY_UPDATES -> "register_setting_capability_updates";
            case UNREGISTER_SETTING_VALUE_UPDATES -> "unregister_setting_value_updates";
            case UNREGISTER_STATUS_VALUE_UPDATES -> "unregister_status_value_updates";
            case UNREGISTER_SETTING_CAPABILITY_UPDATES -> "unregister_setting_capability_updates";
            case SETTING_VALUE_PUSH -> "setting_value_push";
            case STATUS_VALUE_PUSH -> "status_value_push";
            case SETTING_CAPABILITY_PUSH -> "setting_capability_push";
            default -> null;
        };
    }
}
