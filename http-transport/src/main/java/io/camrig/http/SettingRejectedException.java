package io.camrig.http;

import io.camrig.http.model.SettingOption;
import java.util.List;

/**
 * The camera refused a setting change: {@code GET /gopro/camera/setting?setting=&option=}
 * ({@code GPCAMERA_CHANGE_SETTING}) answered 403 with the {@code 403Setting} body. The option is
 * not valid for this camera, or not in its current state. Permanent for the same option.
 *
 * <p>{@link #supportedOptions()} lists what the camera accepts instead (key {@code
 * supported_options}), possibly empty when the camera sent none.
 */
public class SettingRejectedException extends HttpStatusException {
    private final int settingId;
    private final int optionId;
    private final int errorCode;
    private final List<SettingOption> supportedOptions;

    /**
     * @param settingId the setting asked for
     * @param optionId the option refused
     * @param errorCode the camera's {@code error} value (1..4), or 0 when absent
     * @param supportedOptions the options the camera offers
     */
    public SettingRejectedException(String message, String camera, String operation, int settingId, int optionId,
            int errorCode, List<SettingOption> supportedOptions) {
        super(message, camera, operation, 403);
        this.settingId = settingId;
        this.optionId = optionId;
        this.errorCode = errorCode;
        this.supportedOptions = List.copyOf(supportedOptions);
    }

    /** The setting id, for example 2 (video resolution). */
    public int settingId() {
        return settingId;
    }

    /** The refused option id. */
    public int optionId() {
        return optionId;
    }

    /** The camera's error code (key {@code error}), 0 when absent. */
    public int errorCode() {
        return errorCode;
    }

    /** The options the camera accepts for this setting, in its order. */
    public List<SettingOption> supportedOptions() {
        return supportedOptions;
    }
}
