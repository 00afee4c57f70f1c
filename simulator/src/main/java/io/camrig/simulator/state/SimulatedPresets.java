package io.camrig.simulator.state;

import io.camrig.proto.pb.EnumFlatMode;
import io.camrig.proto.pb.EnumPresetGroup;
import io.camrig.proto.pb.EnumPresetGroupIcon;
import io.camrig.proto.pb.EnumPresetIcon;
import io.camrig.proto.pb.EnumPresetTitle;
import io.camrig.proto.pb.NotifyPresetStatus;
import io.camrig.proto.pb.Preset;
import io.camrig.proto.pb.PresetGroup;
import io.camrig.proto.pb.PresetSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual camera's presets, in three preset groups: video (1000), photo (1001) and time lapse
 * (1002), each with an active preset. Presets can be hidden and shown
 * (RequestPresetSetVisibility); the active preset's title, name and icon can be changed
 * (RequestCustomPresetUpdate). Listeners hear of every change. Thread-safe.
 *
 * <p>The preset ids follow the cameras' scheme: video presets from 0, photo presets from 0x10000,
 * time lapse presets from 0x20000. The simulator's presets are the same on every model.
 *
 * <p>Source: Open GoPro BLE spec, "Presets"; "Protobuf" / NotifyPresetStatus, PresetGroup, Preset.
 */
public final class SimulatedPresets {
    /** The outcome of a preset operation. */
    public enum Result { OK, NO_SUCH_GROUP, NO_SUCH_PRESET, HIDDEN, ACTIVE }

    private static final class PresetState {
        final int id;
        final EnumFlatMode mode;
        EnumPresetTitle title;
        EnumPresetIcon icon;
        String customName = "";
        boolean visible = true;
        boolean modified;

        PresetState(int id, EnumFlatMode mode, EnumPresetTitle title, EnumPresetIcon icon) {
            this.id = id;
            this.mode = mode;
            this.title = title;
            this.icon = icon;
        }
    }

    private static final class GroupState {
        final EnumPresetGroup id;
        final EnumPresetGroupIcon icon;
        final List<PresetState> presets = new ArrayList<>();
        int active;

        GroupState(EnumPresetGroup id, EnumPresetGroupIcon icon) {
            this.id = id;
            this.icon = icon;
        }
    }

    private final Map<Integer, GroupState> groups = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int activeGroup = EnumPresetGroup.PRESET_GROUP_ID_VIDEO_VALUE;

    public SimulatedPresets() {
        GroupState video = group(EnumPresetGroup.PRESET_GROUP_ID_VIDEO, EnumPresetGroupIcon.PRESET_GROUP_VIDEO_ICON_ID);
        video.presets.add(new PresetState(0, EnumFlatMode.FLAT_MODE_VIDEO, EnumPresetTitle.PRESET_TITLE_STANDARD,
                EnumPresetIcon.PRESET_ICON_VIDEO));
        video.presets.add(new PresetState(1, EnumFlatMode.FLAT_MODE_VIDEO, EnumPresetTitle.PRESET_TITLE_ACTIVITY,
                EnumPresetIcon.PRESET_ICON_ACTIVITY));
        video.presets.add(new PresetState(2, EnumFlatMode.FLAT_MODE_VIDEO, EnumPresetTitle.PRESET_TITLE_CINEMATIC,
                EnumPresetIcon.PRESET_ICON_CINEMATIC));
        video.presets.add(new PresetState(3, EnumFlatMode.FLAT_MODE_SLOMO, EnumPresetTitle.PRESET_TITLE_SLOMO,
                EnumPresetIcon.PRESET_ICON_SNAIL));
        GroupState photo = group(EnumPresetGroup.PRESET_GROUP_ID_PHOTO, EnumPresetGroupIcon.PRESET_GROUP_PHOTO_ICON_ID);
        photo.presets.add(new PresetState(0x10000, EnumFlatMode.FLAT_MODE_PHOTO, EnumPresetTitle.PRESET_TITLE_PHOTO,
                EnumPresetIcon.PRESET_ICON_PHOTO));
        photo.presets.add(new PresetState(0x10001, EnumFlatMode.FLAT_MODE_PHOTO_BURST, EnumPresetTitle.PRESET_TITLE_BURST,
                EnumPresetIcon.PRESET_ICON_BURST));
        photo.presets.add(new PresetState(0x10002, EnumFlatMode.FLAT_MODE_PHOTO_NIGHT, EnumPresetTitle.PRESET_TITLE_NIGHT,
                EnumPresetIcon.PRESET_ICON_PHOTO_NIGHT));
        GroupState lapse = group(EnumPresetGroup.PRESET_GROUP_ID_TIMELAPSE,
                EnumPresetGroupIcon.PRESET_GROUP_TIMELAPSE_ICON_ID);
        lapse.presets.add(new PresetState(0x20000, EnumFlatMode.FLAT_MODE_TIME_WARP_VIDEO,
                EnumPresetTitle.PRESET_TITLE_TIME_WARP, EnumPresetIcon.PRESET_ICON_TIMEWARP));
        lapse.presets.add(new PresetState(0x20001, EnumFlatMode.FLAT_MODE_TIME_LAPSE_VIDEO,
                EnumPresetTitle.PRESET_TITLE_TIME_LAPSE, EnumPresetIcon.PRESET_ICON_TIMELAPSE));
        lapse.presets.add(new PresetState(0x20002, EnumFlatMode.FLAT_MODE_NIGHT_LAPSE_VIDEO,
                EnumPresetTitle.PRESET_TITLE_NIGHT_LAPSE, EnumPresetIcon.PRESET_ICON_NIGHTLAPSE));
        groups.values().forEach(g -> g.active = g.presets.get(0).id);
    }

    private GroupState group(EnumPresetGroup id, EnumPresetGroupIcon icon) {
        GroupState g = new GroupState(id, icon);
        groups.put(id.getNumber(), g);
        return g;
    }

    /** The active preset group id (1000, 1001 or 1002). */
    public synchronized int activeGroup() {
        return activeGroup;
    }

    /** The active preset id of the active group. */
    public synchronized int activePreset() {
        return groups.get(activeGroup).active;
    }

    /** The active preset id of a group. */
    public synchronized Optional<Integer> activePreset(int groupId) {
        return Optional.ofNullable(groups.get(groupId)).map(g -> g.active);
    }

    /** The flat mode of the active preset (status 89). */
    public synchronized int activeMode() {
        return find(activePreset()).map(p -> p.mode.getNumber()).orElse(EnumFlatMode.FLAT_MODE_UNKNOWN_VALUE);
    }

    /** The preset group a preset id belongs to. */
    public synchronized Optional<Integer> groupOf(int presetId) {
        return groups.entrySet().stream()
                .filter(e -> e.getValue().presets.stream().anyMatch(p -> p.id == presetId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Load Preset Group: the group's active preset becomes the camera's. */
    public Result loadGroup(int groupId) {
        synchronized (this) {
            if (!groups.containsKey(groupId)) {
                return Result.NO_SUCH_GROUP;
            }
            activeGroup = groupId;
        }
        changed();
        return Result.OK;
    }

    /** Load Preset: a visible preset of any group. */
    public Result load(int presetId) {
        synchronized (this) {
            Optional<Integer> group = groupOf(presetId);
            if (group.isEmpty()) {
                return Result.NO_SUCH_PRESET;
            }
            if (!find(presetId).orElseThrow().visible) {
                return Result.HIDDEN;
            }
            activeGroup = group.get();
            groups.get(activeGroup).active = presetId;
        }
        changed();
        return Result.OK;
    }

    /** Shows or hides a preset; the active preset cannot be hidden. */
    public Result setVisibility(int presetId, boolean visible) {
        synchronized (this) {
            Optional<PresetState> preset = find(presetId);
            if (preset.isEmpty()) {
                return Result.NO_SUCH_PRESET;
            }
            if (!visible && presetId == activePreset()) {
                return Result.ACTIVE;
            }
            preset.get().visible = visible;
        }
        changed();
        return Result.OK;
    }

    /** Changes the active preset's title, custom name and icon (each only when given). */
    public Result updateActive(EnumPresetTitle title, String customName, EnumPresetIcon icon) {
        synchronized (this) {
            PresetState p = find(activePreset()).orElseThrow();
            if (title != null) {
                p.title = title;
            }
            if (customName != null) {
                p.customName = customName;
            }
            if (icon != null) {
                p.icon = icon;
            }
            p.modified = true;
        }
        changed();
        return Result.OK;
    }

    /**
     * The preset status as NotifyPresetStatus carries it.
     *
     * @param includeHidden include hidden presets
     * @param videoSettings settings to list in each video preset (id → value)
     */
    public synchronized NotifyPresetStatus status(boolean includeHidden, Map<Integer, Long> videoSettings) {
        NotifyPresetStatus.Builder out = NotifyPresetStatus.newBuilder();
        for (GroupState g : groups.values()) {
            PresetGroup.Builder group = PresetGroup.newBuilder().setId(g.id).setIcon(g.icon).setCanAddPreset(false)
                    .setActivePresetId(g.active);
            for (PresetState p : g.presets) {
                if (!p.visible && !includeHidden) {
                    continue;
                }
                if (!group.getModeArrayList().contains(p.mode)) {
                    group.addModeArray(p.mode);
                }
                Preset.Builder preset = Preset.newBuilder().setId(p.id).setMode(p.mode).setTitleId(p.title)
                        .setTitleNumber(0).setUserDefined(false).setIcon(p.icon).setIsModified(p.modified)
                        .setIsFixed(true).setCustomName(p.customName).setIsVisible(p.visible);
                if (g.id == EnumPresetGroup.PRESET_GROUP_ID_VIDEO) {
                    videoSettings.forEach((id, value) -> preset.addSettingArray(
                            PresetSetting.newBuilder().setId(id).setValue(value.intValue()).setIsCaption(true)));
                }
                group.addPresetArray(preset);
            }
            out.addPresetGroupArray(group);
        }
        return out.build();
    }

    /** Adds a listener told of every change; returns a handle that removes it. */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private Optional<PresetState> find(int presetId) {
        return groups.values().stream().flatMap(g -> g.presets.stream()).filter(p -> p.id == presetId).findFirst();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
