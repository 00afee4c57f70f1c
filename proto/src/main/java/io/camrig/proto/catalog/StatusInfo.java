package io.camrig.proto.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A status as the catalog describes it.
 *
 * <p>Source: Open GoPro BLE spec, "Statuses"; references.json {@code statuses}.
 *
 * @param id     the status id, 0..255
 * @param key    UPPER_SNAKE_CASE key, the {@link Status} constant's name
 * @param name   the spec's name, e.g. {@code "Internal Battery Bars"}
 * @param type   the declared value type: {@link ValueType#BOOLEAN}, {@link ValueType#UINT8} (the
 *               spec's {@code enum}), {@link ValueType#INTEGER} (width not given) or
 *               {@link ValueType#STRING}
 * @param models the models that report it
 * @param values names of the values of an enum status (value → name), e.g. 4 → "Charging"
 */
public record StatusInfo(int id, String key, String name, ValueType type, Set<CameraModel> models,
                         Map<Long, String> values) {
    public StatusInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        models = Catalog.modelSet(models);
        values = Map.copyOf(values);
    }

    /** The snake_case name, e.g. {@code internal_battery_bars}. */
    public String snakeName() {
        return SettingOption.keyOf(name);
    }

    /** {@code true} when the model reports this status. */
    public boolean supportedBy(CameraModel model) {
        return models.contains(model);
    }

    /** The name of an enum value, when the spec names it. */
    public Optional<String> valueName(long value) {
        return Optional.ofNullable(values.get(value));
    }
}
