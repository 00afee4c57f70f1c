package io.camrig.proto.request;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TLV set-setting request written to GP-0074: {@code [setting id][length][value…]}. For example
 * Video Resolution 1080 is {@code 02 01 09}.
 *
 * <p>Keep Alive is sent the same way, as id 0x5B with the one-byte value 0x42
 * ({@code 5B 01 42}); {@link #isKeepAlive()} tells it apart.
 *
 * <p>Source: Open GoPro BLE spec, "Settings" / "Set Setting"; "Control" / "Keep Alive".
 *
 * @param settingId the setting id, 0..255
 * @param value     the value bytes, at most 255 (copied in and out)
 */
public record SettingRequest(int settingId, byte[] value) implements CameraRequest {
    /** The id Keep Alive uses on the settings characteristic. */
    public static final int KEEP_ALIVE_ID = 0x5B;
    /** The hard-coded Keep Alive value. */
    public static final byte KEEP_ALIVE_VALUE = 0x42;

    public SettingRequest {
        if (settingId < 0 || settingId > 0xFF) {
            throw new IllegalArgumentException("setting id is one byte, got " + settingId);
        }
        if (value.length > 0xFF) {
            throw new IllegalArgumentException("a setting value is at most 255 bytes, got " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** {@code true} for Keep Alive ({@code 5B 01 42}). */
    public boolean isKeepAlive() {
        return settingId == KEEP_ALIVE_ID && value.length == 1 && value[0] == KEEP_ALIVE_VALUE;
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.SETTINGS;
    }

    @Override
    public String kind() {
        return "setting_request";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingRequest r && r.settingId == settingId && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * settingId + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SettingRequest[" + settingId + "=" + HexFormat.of().formatHex(value) + "]";
    }
}
