package io.camrig.proto.catalog;

import io.camrig.proto.error.PermanentCamrigException;
import java.util.List;

/**
 * A setting value refused before sending because the camera's model does not support it (or does
 * not support the setting at all), according to the catalog. The message names the options the
 * model supports, e.g. {@code HERO9 Black does not support Video Resolution = 5.3K (100);
 * supported: 4K (1), 2.7K (4), …}.
 *
 * <p>Source: references.json {@code settings[*].options[*].cameras}.
 */
public class UnsupportedOptionException extends PermanentCamrigException {
    private final transient CameraModel model;
    private final int settingId;
    private final long value;
    private final transient List<SettingOption> supported;

    public UnsupportedOptionException(CameraModel model, SettingInfo setting, long value, List<SettingOption> supported) {
        this(null, model, setting, value, supported);
    }

    /**
     * @param camera    the camera concerned (name or serial), or {@code null}
     * @param model     its model
     * @param setting   the setting
     * @param value     the refused value
     * @param supported the options the model supports
     */
    public UnsupportedOptionException(String camera, CameraModel model, SettingInfo setting, long value,
                                      List<SettingOption> supported) {
        super(message(model, setting, value, supported), camera, "set " + setting.snakeName(), null);
        this.model = model;
        this.settingId = setting.id();
        this.value = value;
        this.supported = List.copyOf(supported);
    }

    private static String message(CameraModel model, SettingInfo setting, long value, List<SettingOption> supported) {
        if (!setting.supportedBy(model)) {
            return model.displayName() + " does not support the setting " + setting.name() + " (" + setting.id() + ")";
        }
        String option = setting.option(value).map(SettingOption::toString).orElse(Long.toString(value));
        return model.displayName() + " does not support " + setting.name() + " = " + option + "; supported: "
                + SettingInfo.describe(supported);
    }

    /** Always {@code true}: refused before sending, the camera is fine. */
    @Override
    public boolean isCallerError() {
        return true;
    }

    /** The connected camera's model. */
    public CameraModel model() {
        return model;
    }

    public int settingId() {
        return settingId;
    }

    /** The refused value. */
    public long value() {
        return value;
    }

    /** The options the model supports (empty when it does not support the setting). */
    public List<SettingOption> supported() {
        return supported;
    }
}
