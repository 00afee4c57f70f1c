package io.camrig.cli.rig;

import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting's option as people type it: the spec's name ({@code 240.0}, {@code "4K 4:3 V2"}),
 * its key ({@code 4k_4_3_v2}), the same number written another way ({@code 240}, {@code 240fps},
 * {@code 1080p}, {@code 2s} for "2 Seconds"), or the option's value (the number the camera is sent). Names win
 * over values: {@code 240} on frames per second is the 240 fps option, never value 240.
 */
public final class OptionNames {
    /** A number with an optional unit: {@code 240}, {@code 240.0}, {@code 240fps}, {@code 2.7k}. */
    private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z%]*)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private OptionNames() {
    }

    /**
     * The option {@code typed} names.
     *
     * @throws IllegalArgumentException naming the setting's options, when none matches
     */
    public static SettingOption resolve(Setting setting, String typed) {
        String wanted = typed.trim();
        List<SettingOption> options = setting.options();
        for (SettingOption o : options) {
            if (o.name().equalsIgnoreCase(wanted) || o.key().equals(key(wanted))) {
                return o;
            }
        }
        Optional<Number> number = Number.of(wanted);
        if (number.isPresent()) {
            List<SettingOption> same = options.stream()
                    .filter(o -> Number.of(o.name()).filter(n -> n.sameAs(number.get())).isPresent()).toList();
            if (same.size() == 1) {
                return same.get(0);
            }
        }
        return setting.option(wanted);
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A number and its unit (lower case, maybe empty). */
    private record Number(BigDecimal value, String unit) {
        static Optional<Number> of(String text) {
            Matcher m = NUMBER.matcher(text);
            return m.matches() ? Optional.of(new Number(new BigDecimal(m.group(1)), m.group(2).toLowerCase(Locale.ROOT)))
                    : Optional.empty();
        }

        /** Same number, and the same unit (or its start: s, sec) unless one of them leaves it out. */
        boolean sameAs(Number typed) {
            return value.compareTo(typed.value) == 0
                    && (unit.isEmpty() || typed.unit.isEmpty() || unit.startsWith(typed.unit));
        }
    }
}
