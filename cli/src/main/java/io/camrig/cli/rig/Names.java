package io.camrig.cli.rig;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingInfo;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.StatusInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Settings and statuses as people name them on the command line: the snake_case name
 * ({@code video_resolution}), the constant ({@code VIDEO_RESOLUTION}), the spec's name
 * ({@code "Video Resolution"}) or the id ({@code 2}), case-insensitive.
 */
public final class Names {
    private Names() {
    }

    /** The setting with this name or id, or a message listing what is accepted. */
    public static Setting setting(String name) {
        return find(name, Setting.values(), s -> s.info().snakeName(), Setting::id).orElseThrow(() ->
                new IllegalArgumentException("no setting '" + name + "'; settings: " + String.join(", ",
                        Catalog.settings().values().stream().map(SettingInfo::snakeName).toList())));
    }

    /** The status with this name or id, or a message listing what is accepted. */
    public static Status status(String name) {
        return find(name, Status.values(), s -> s.info().snakeName(), Status::id).orElseThrow(() ->
                new IllegalArgumentException("no status '" + name + "'; statuses: " + String.join(", ",
                        Catalog.statuses().values().stream().map(StatusInfo::snakeName).toList())));
    }

    private static <E extends Enum<E>> Optional<E> find(String name, E[] values, java.util.function.Function<E, String> snake,
                                                        java.util.function.ToIntFunction<E> id) {
        String wanted = name.trim();
        String key = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return Arrays.stream(values)
                .filter(v -> snake.apply(v).equals(key) || v.name().equalsIgnoreCase(wanted)
                        || Integer.toString(id.applyAsInt(v)).equals(wanted))
                .findFirst();
    }
}
