package io.camrig.engine.camera;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.proto.message.TlvEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a setting the camera accepts now (query 0x32, register 0x62, push 0xA2): the
 * camera sends one {@code [setting id][length][value]} entry per available option, or one entry of
 * length 0 when no option is available (an empty {@link #values()}).
 *
 * @param settingId the setting id, 0..255
 * @param values    the available values, in the camera's order
 */
public record SettingCapabilities(int settingId, List<Long> values) {
    public SettingCapabilities {
        values = List.copyOf(values);
    }

    /** Groups a response's or push's entries by setting id, in order. */
    public static List<SettingCapabilities> of(List<TlvEntry> entries) {
        Map<Integer, List<Long>> grouped = new LinkedHashMap<>();
        for (TlvEntry e : entries) {
            List<Long> values = grouped.computeIfAbsent(e.id(), k -> new ArrayList<>());
            if (e.length() > 0) {     // length 0: no option available now, an empty list
                values.add(e.asLong());
            }
        }
        List<SettingCapabilities> out = new ArrayList<>();
        grouped.forEach((id, values) -> out.add(new SettingCapabilities(id, values)));
        return out;
    }

    /** The available options as the catalog names them (values it does not list are left out). */
    public List<SettingOption> options() {
        return values.stream().flatMap(v -> Catalog.setting(settingId).flatMap(s -> s.option(v)).stream()).toList();
    }
}
