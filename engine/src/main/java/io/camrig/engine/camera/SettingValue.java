package io.camrig.engine.camera;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingInfo;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.proto.message.TlvEntry;
import java.util.Optional;

/**
 * A setting's current value as the camera reported it (query 0x12, register 0x52, push 0x92):
 * {@code [setting id][length][value]}, the value unsigned big-endian (one byte for uint8
 * settings, eight for uint64 ones).
 *
 * @param settingId the setting id, 0..255
 * @param value     the value
 */
public record SettingValue(int settingId, long value) {
    /** Reads one id-length-value entry. */
    public static SettingValue of(TlvEntry entry) {
        return new SettingValue(entry.id(), entry.asLong());
    }

    /** The typed setting, when the catalog has it. */
    public Optional<Setting> setting() {
        return Setting.of(settingId);
    }

    /** The option with this value, when the catalog lists one. */
    public Optional<SettingOption> option() {
        return Catalog.setting(settingId).flatMap(s -> s.option(value));
    }

    /** The setting's snake_case name, or its id. */
    public String settingName() {
        return Catalog.setting(settingId).map(SettingInfo::snakeName).orElse(Integer.toString(settingId));
    }

    /** The option's name ({@code "1080"}), or the value as a number. */
    public String display() {
        return option().map(SettingOption::name).orElse(Long.toUnsignedString(value));
    }
}
