package io.camrig.simulator.state;

import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Which options of a setting are available given the other settings: the simulator's own, simple
 * model of the camera's dependency tree (real cameras have hundreds of such rules; the spec does
 * not list them). One rule is modelled, enough to make capability updates happen:
 * <ul>
 *   <li>Frames Per Second (3) is capped by Video Resolution (2): at most 60 fps at 5K and above
 *       (5K, 5.3K, 5.6K, 8K …), at most 120 fps at 4K; any rate below 4K.</li>
 * </ul>
 * Every other setting offers all the options the model supports.
 */
public final class CapabilityRules {
    private CapabilityRules() {
    }

    /** The settings whose capabilities depend on {@code changedSetting}. */
    public static List<Integer> dependents(int changedSetting) {
        return changedSetting == Setting.VIDEO_RESOLUTION.id() ? List.of(Setting.FRAMES_PER_SECOND.id()) : List.of();
    }

    /**
     * {@code true} when the option is available given the current values.
     *
     * @param option  an option the model supports
     * @param current the current value of any setting, by id (absent settings give {@code null})
     */
    public static boolean available(SettingOption option, LongFunction<Long> current) {
        if (option.settingId() != Setting.FRAMES_PER_SECOND.id()) {
            return true;
        }
        Long resolution = current.apply(Setting.VIDEO_RESOLUTION.id());
        if (resolution == null) {
            return true;
        }
        String name = Setting.VIDEO_RESOLUTION.option(resolution).map(SettingOption::name).orElse("");
        double fps = leadingNumber(option.name());
        return fps <= maxFps(name);
    }

    private static double maxFps(String resolution) {
        if (resolution.startsWith("5") || resolution.startsWith("8K")) {
            return 60;
        }
        return resolution.startsWith("4K") ? 120 : Double.MAX_VALUE;
    }

    private static double leadingNumber(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\d+(\\.\\d+)?").matcher(name);
        return m.find() ? Double.parseDouble(m.group()) : 0;
    }
}
