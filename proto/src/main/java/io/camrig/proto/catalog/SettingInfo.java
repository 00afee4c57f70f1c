package io.camrig.proto.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A setting as the catalog describes it: id, names, value format, the models that support it and
 * its options. Settings without options (LCD brightness, scheduled capture) take any value of
 * their format.
 *
 * <p>Source: Open GoPro BLE spec, "Settings"; references.json {@code settings}.
 *
 * @param id      the setting id, 0..255
 * @param key     UPPER_SNAKE_CASE key, the {@link Setting} constant's name
 * @param name    the spec's name, e.g. {@code "Video Resolution"}
 * @param format  {@link ValueType#UINT8} (one byte) or {@link ValueType#UINT64} (eight bytes)
 * @param models  the models that support the setting
 * @param options the options, ordered by value
 */
public record SettingInfo(int id, String key, String name, ValueType format, Set<CameraModel> models,
                          List<SettingOption> options) {
    public SettingInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        models = Catalog.modelSet(models);
        options = List.copyOf(options);
    }

    /** Width of a value on the wire, in bytes. */
    public int width() {
        return switch (format) {
            case UINT16 -> 2;
            case UINT32 -> 4;
            case UINT64 -> 8;
            default -> 1;
        };
    }

    /** The snake_case name, e.g. {@code video_resolution}. */
    public String snakeName() {
        return SettingOption.keyOf(name);
    }

    /** The option with this value, when the spec lists one. */
    public Optional<SettingOption> option(long value) {
        return options.stream().filter(o -> o.value() == value).findFirst();
    }

    /**
     * The option with this name or key (case-insensitive), or with this number as its value.
     *
     * @throws IllegalArgumentException naming every option when none matches
     */
    public SettingOption option(String nameOrKey) {
        String wanted = nameOrKey.trim();
        for (SettingOption o : options) {
            if (o.name().equalsIgnoreCase(wanted) || o.key().equals(SettingOption.keyOf(wanted))) {
                return o;
            }
        }
        if (wanted.matches("\\d+")) {
            Optional<SettingOption> byValue = option(Long.parseLong(wanted));
            if (byValue.isPresent()) {
                return byValue.get();
            }
        }
        throw new IllegalArgumentException(name + " has no option '" + nameOrKey + "'; options: " + describe(options));
    }

    /** {@code true} when the model supports the setting at all. */
    public boolean supportedBy(CameraModel model) {
        return models.contains(model);
    }

    /** The options a model supports. */
    public List<SettingOption> optionsFor(CameraModel model) {
        return options.stream().filter(o -> o.supportedBy(model)).toList();
    }

    /**
     * Checks a value before it is sent to a camera of this model.
     *
     * @throws UnsupportedOptionException when the model does not support the setting, or the setting
     *                                    lists options and the model supports none with this value
     * @throws IllegalArgumentException   when the value does not fit the setting's format
     */
    public void check(CameraModel model, long value) {
        check(null, model, value);
    }

    /**
     * Checks a value before it is sent to a camera, naming the camera in the error.
     *
     * @param camera the camera's name or serial, or {@code null}
     * @see #check(CameraModel, long)
     */
    public void check(String camera, CameraModel model, long value) {
        if (width() < 8 && (value < 0 || value >= 1L << (8 * width()))) {
            throw new IllegalArgumentException(name + " is a " + format.name().toLowerCase() + ", got " + value);
        }
        if (!supportedBy(model)) {
            throw new UnsupportedOptionException(camera, model, this, value, List.of());
        }
        if (options.isEmpty()) {
            return;
        }
        Optional<SettingOption> option = option(value);
        if (option.isEmpty() || !option.get().supportedBy(model)) {
            throw new UnsupportedOptionException(camera, model, this, value, optionsFor(model));
        }
    }

    static String describe(List<SettingOption> options) {
        return options.isEmpty() ? "none" : options.stream().map(SettingOption::toString).collect(Collectors.joining(", "));
    }
}
