package io.camrig.service.rig;

import io.camrig.engine.rig.RigResult;
import reactor.core.publisher.Mono;

/**
 * The rig-wide operations the nodes of a distributed rig carry over the broker (the cluster
 * module's {@code DistributedRig}: node ops {@code set-setting}, {@code load-preset-group},
 * {@code load-preset}). Each one runs on every healthy camera of every node and answers one
 * outcome per camera; there is no camera selection, so the service refuses a subset.
 */
public interface NodeOps {
    /** Why the service refuses a subset of cameras for these operations (the API answers 409 with it). */
    String SUBSET_REFUSED = "with --broker, settings and presets go to every camera of every node "
            + "(the broker's node operations carry no camera selection): leave out \"cameras\", "
            + "or run the command on the camera's node host";

    /** Change Setting (setting id, option value) on every camera of every node. */
    Mono<RigResult<Void>> setSetting(int settingId, long value);

    /** Load Preset Group (0x3E, e.g. 1000 video) on every camera of every node. */
    Mono<RigResult<Void>> loadPresetGroup(int presetGroupId);

    /** Load Preset (0x40) on every camera of every node. */
    Mono<RigResult<Void>> loadPreset(long presetId);
}
