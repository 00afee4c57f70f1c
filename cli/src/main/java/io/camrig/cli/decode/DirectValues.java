package io.camrig.cli.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.proto.catalog.TypedValue;
import io.camrig.proto.catalog.ValueTypes;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.json.MessageJson;
import java.nio.charset.StandardCharsets;

/**
 * Values of the Wi-Fi AP characteristics, which are read or written whole (no packet headers):
 * GP-0002 SSID (UTF-8), GP-0003 password (UTF-8, a secret), GP-0004 AP power and GP-0005 AP state
 * (integers, printed by length). Source: Open GoPro BLE spec, "BLE Setup" / "BLE Characteristics".
 */
final class DirectValues {
    private DirectValues() {
    }

    /** {@code true} for characteristics whose trace lines carry a whole value, not a packet. */
    static boolean isDirect(GoProUuid c) {
        return c.kind() == GoProUuid.Kind.READ || c == GoProUuid.WIFI_AP_POWER;
    }

    static ObjectNode toJson(GoProUuid c, byte[] value, boolean showSecrets) {
        ObjectNode node = MessageJson.mapper().createObjectNode();
        node.put("characteristic", c.label());
        node.put("kind", c.kind() == GoProUuid.Kind.READ ? "read" : "write");
        switch (c) {
            case WIFI_AP_SSID -> {
                node.put("name", "wifi_ap_ssid");
                node.put("value", new String(value, StandardCharsets.UTF_8));
            }
            case WIFI_AP_PASSWORD -> {
                node.put("name", "wifi_ap_password");
                if (!showSecrets) {
                    node.put("value", "***");
                    node.put("redacted", true);
                    return node;
                }
                node.put("value", new String(value, StandardCharsets.UTF_8));
            }
            case WIFI_AP_POWER -> putNumber(node, "wifi_ap_power", value);
            default -> putNumber(node, "wifi_ap_state", value);
        }
        node.put("message", MessageJson.hex(value));
        return node;
    }

    private static void putNumber(ObjectNode node, String name, byte[] value) {
        node.put("name", name);
        TypedValue v = ValueTypes.decodeByLength(value);
        if (v instanceof TypedValue.Unsigned u && u.value() >= 0 && u.value() <= Integer.MAX_VALUE) {
            node.put("value", (int) u.value());
        } else if (v instanceof TypedValue.Unsigned u && u.value() >= 0) {
            node.put("value", u.value());
        } else {
            node.put("value", v.hex());
        }
    }
}
