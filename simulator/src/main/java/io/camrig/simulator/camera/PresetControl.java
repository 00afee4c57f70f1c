package io.camrig.simulator.camera;

import io.camrig.proto.id.TlvStatus;
import io.camrig.simulator.state.SimulatedPresets;

/**
 * The TLV preset commands of a virtual camera, and the statuses that follow its presets: Load
 * Preset Group makes the camera busy (status 8) for {@link CameraBehaviour#busyAfterCommand()},
 * Load Preset for {@link CameraBehaviour#busyAfterSetting()}; both are refused with status {@code
 * error} while busy or encoding (status 10). Every preset change reports the active group (96),
 * preset (97), flatmode (89) and the group's current preset (93 video, 94 photo, 95 time lapse), then
 * pushes to the BLE sessions registered for preset status.
 *
 * <p>Source: Open GoPro BLE spec, "Presets", "State Management".
 */
final class PresetControl {
    /** The preset group id of video (EnumPresetGroup.PRESET_GROUP_ID_VIDEO). */
    static final int PRESET_GROUP_VIDEO = 1000;

    private final VirtualCamera camera;
    private final SimulatedPresets presets;

    /** Follows {@code camera}'s presets from now on. */
    PresetControl(VirtualCamera camera) {
        this.camera = camera;
        this.presets = camera.presets();
        presets.onChange(() -> {
            camera.statuses().setReported(96, 4, presets.activeGroup());
            camera.statuses().setReported(97, 4, presets.activePreset());
            camera.statuses().setReported(89, 1, presets.activeMode());
            camera.statuses().setReported(93 + (presets.activeGroup() - PRESET_GROUP_VIDEO), 4, presets.activePreset());
            camera.presetsChanged();
        });
    }

    /** Load Preset Group: refused while busy or encoding, or for an unknown group; busy afterwards. */
    TlvStatus loadPresetGroup(int groupId) {
        if (camera.statuses().busy() || camera.statuses().encoding()) {
            return TlvStatus.ERROR;
        }
        if (presets.loadGroup(groupId) != SimulatedPresets.Result.OK) {
            return TlvStatus.INVALID_PARAMETER;
        }
        camera.busyFor(camera.options().busyAfterCommand());
        return TlvStatus.SUCCESS;
    }

    /** Load Preset: refused while busy or encoding, or for a hidden or unknown preset; busy afterwards. */
    TlvStatus loadPreset(long presetId) {
        if (camera.statuses().busy() || camera.statuses().encoding()) {
            return TlvStatus.ERROR;
        }
        if (presetId > Integer.MAX_VALUE || presets.load((int) presetId) != SimulatedPresets.Result.OK) {
            return TlvStatus.INVALID_PARAMETER;
        }
        camera.busyFor(camera.options().busyAfterSetting());
        return TlvStatus.SUCCESS;
    }
}
