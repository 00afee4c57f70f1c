package io.camrig.proto.message;

import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import java.util.Objects;

/**
 * A TLV set-setting response on GP-0075: {@code [setting id][status]}.
 *
 * @param settingId the setting id, 0..255
 * @param status    the command status
 */
public record SettingResponse(int settingId, TlvStatus status) implements CameraMessage {
    public SettingResponse {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public GoProUuid characteristic() {
        return GoProUuid.SETTINGS_RESPONSE;
    }

    @Override
    public String kind() {
        return "setting_response";
    }
}
