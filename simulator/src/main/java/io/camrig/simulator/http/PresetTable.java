package io.camrig.simulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The presets of a virtual camera: three groups (video 1000, photo 1001, time lapse 1002), each
 * with factory presets, one user-defined custom video preset, and one hidden preset, with ids,
 * modes, titles and icons from the spec's enums ({@code EnumFlatMode}, {@code EnumPresetTitle},
 * {@code EnumPresetIcon}). Thread-safe.
 */
final class PresetTable {
    /** The custom (user-defined) video preset: the only one {@code update_custom} applies to. */
    static final long CUSTOM_VIDEO = 3;

    /** One preset; {@code visible}, {@code name} and {@code title} change. */
    static final class Entry {
        final long id;
        final int group;
        final int mode;
        final boolean userDefined;
        final boolean fixed;
        int titleId;
        int icon;
        boolean visible;
        String customName = "";

        Entry(long id, int group, int mode, int titleId, int icon, boolean userDefined, boolean visible) {
            this.id = id;
            this.group = group;
            this.mode = mode;
            this.titleId = titleId;
            this.icon = icon;
            this.userDefined = userDefined;
            this.fixed = !userDefined;
            this.visible = visible;
        }
    }

    private final Map<Long, Entry> presets = new LinkedHashMap<>();

    PresetTable() {
        add(new Entry(0, 1000, 12, 1, 0, false, true));        // Standard video
        add(new Entry(1, 1000, 12, 0, 1, false, true));        // Activity
        add(new Entry(2, 1000, 12, 2, 2, false, true));        // Cinematic
        add(new Entry(CUSTOM_VIDEO, 1000, 12, 18, 0, true, true));   // Custom
        add(new Entry(4, 1000, 27, 11, 0, false, false));      // Slo-mo, hidden
        add(new Entry(65536, 1001, 17, 3, 16, false, true));   // Photo
        add(new Entry(65537, 1001, 18, 6, 18, false, true));   // Night photo
        add(new Entry(131072, 1002, 24, 7, 20, false, true));  // TimeWarp
        add(new Entry(131073, 1002, 13, 8, 21, false, true));  // Time lapse
    }

    private void add(Entry e) {
        presets.put(e.id, e);
    }

    synchronized Optional<Entry> find(long id) {
        return Optional.ofNullable(presets.get(id));
    }

    /** The first preset of a group, as the camera loads on {@code set_group}. */
    synchronized Optional<Entry> firstOf(int group) {
        return presets.values().stream().filter(e -> e.group == group && e.visible).findFirst();
    }

    synchronized void setVisible(long id, boolean visible) {
        find(id).ifPresent(e -> e.visible = visible);
    }

    /** Groups in order, each with its presets (hidden ones only when asked), as JSON-ready maps. */
    synchronized List<Map<String, Object>> groups(boolean includeHidden, Map<Integer, Long> settings) {
        List<Map<String, Object>> out = new ArrayList<>();
        int[][] groups = {{1000, 0}, {1001, 1}, {1002, 2}};
        for (int[] g : groups) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Entry e : presets.values()) {
                if (e.group == g[0] && (e.visible || includeHidden)) {
                    list.add(preset(e, settings));
                }
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g[0]);
            group.put("icon", g[1]);
            group.put("canAddPreset", g[0] == 1000);
            group.put("modeArray", g[0] == 1000 ? List.of(12, 27) : g[0] == 1001 ? List.of(17, 18) : List.of(13, 24));
            group.put("presetArray", list);
            out.add(group);
        }
        return out;
    }

    private static Map<String, Object> preset(Entry e, Map<Integer, Long> settings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", e.id);
        p.put("mode", e.mode);
        p.put("titleId", e.titleId);
        p.put("titleNumber", 0);
        p.put("userDefined", e.userDefined);
        p.put("icon", e.icon);
        p.put("isVisible", e.visible ? 1 : 0);
        p.put("isModified", false);
        p.put("isFixed", e.fixed);
        if (!e.customName.isEmpty()) {
            p.put("customName", e.customName);
        }
        List<Map<String, Object>> settingArray = new ArrayList<>();
        for (int id : new int[] {2, 3, 121}) {
            Long v = settings.get(id);
            if (v != null) {
                settingArray.add(Map.of("id", id, "value", v, "isCaption", id != 121));
            }
        }
        p.put("settingArray", settingArray);
        return p;
    }
}
