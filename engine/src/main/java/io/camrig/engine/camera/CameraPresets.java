package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumPresetIcon;
import io.camrig.proto.pb.EnumPresetTitle;
import io.camrig.proto.pb.EnumRegisterPresetStatus;
import io.camrig.proto.pb.NotifyPresetStatus;
import io.camrig.proto.pb.RequestCustomPresetUpdate;
import io.camrig.proto.pb.RequestGetPresetStatus;
import io.camrig.proto.pb.RequestPresetSetVisibility;
import io.camrig.proto.pb.ResponseGeneric;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presets and preset groups of one camera ({@link Camera#presets()}).
 *
 * <ul>
 *   <li>Load Preset Group (0x3E, uint16 group id: 1000 video, 1001 photo, 1002 time lapse) and
 *       Load Preset (0x40, uint32 preset id), TLV commands; the camera is busy afterwards.</li>
 *   <li>Get Available Presets (F5 72 RequestGetPresetStatus → F5 F2 NotifyPresetStatus), with
 *       {@link #updates()} registering for F5 F3 notifications (cancel unregisters).</li>
 *   <li>Update Custom Preset (F1 64) and Set Preset Visibility V2 (F1 63), answered by
 *       ResponseGeneric.</li>
 * </ul>
 *
 * <p>Source: Open GoPro BLE spec, "Presets"; "Protobuf"; references.json.
 */
public final class CameraPresets {
    private static final List<EnumRegisterPresetStatus> KINDS = List.of(
            EnumRegisterPresetStatus.REGISTER_PRESET_STATUS_PRESET,
            EnumRegisterPresetStatus.REGISTER_PRESET_STATUS_PRESET_GROUP_ARRAY);

    private final CameraLink link;
    private final PushRegistry registry;

    CameraPresets(CameraLink link, PushRegistry registry) {
        this.link = link;
        this.registry = registry;
    }

    /** Load Preset Group (0x3E), e.g. 1000 for video: {@code 3E 02 03 E8}. */
    @Implements(Operation.LOAD_PRESET_GROUP)
    public Mono<Void> loadGroup(int presetGroupId) {
        return link.deliver(link.check(Operation.LOAD_PRESET_GROUP)
                .then(link.command(CommandId.LOAD_PRESET_GROUP, RequestEncoder.loadPresetGroup(presetGroupId))).then());
    }

    /** Load Preset (0x40), a preset id from {@link #status}. */
    @Implements(Operation.LOAD_PRESET)
    public Mono<Void> load(long presetId) {
        return link.deliver(link.check(Operation.LOAD_PRESET)
                .then(link.command(CommandId.LOAD_PRESET, RequestEncoder.loadPreset(presetId))).then());
    }

    /** Get Available Presets: the preset groups and presets, hidden ones only when asked. */
    @Implements(Operation.GET_AVAILABLE_PRESETS)
    public Mono<NotifyPresetStatus> status(boolean includeHidden) {
        return link.deliver(link.protobuf(Operation.GET_AVAILABLE_PRESETS,
                RequestGetPresetStatus.newBuilder().setIncludeHidden(includeHidden).build(), NotifyPresetStatus.class));
    }

    /**
     * The preset status now, then each change (F5 F3), registered for presets and preset groups.
     * Cancelling unregisters when no other subscriber needs it.
     */
    public Flux<NotifyPresetStatus> updates() {
        ProtobufRef notification = Operation.GET_AVAILABLE_PRESETS.info().notification().orElseThrow();
        int[] kinds = KINDS.stream().mapToInt(EnumRegisterPresetStatus::getNumber).toArray();
        return Pushes.registered(link,
                m -> m instanceof ProtobufMessage p && p.featureId() == notification.featureId()
                        && p.actionId() == notification.actionId(),
                m -> List.of((NotifyPresetStatus) ((ProtobufMessage) m).message()),
                Mono.defer(() -> {
                    registry.acquire(PushRegistry.Kind.PRESET, kinds);
                    return link.protobuf(Operation.GET_AVAILABLE_PRESETS,
                            RequestGetPresetStatus.newBuilder().addAllRegisterPresetStatus(KINDS).build(),
                            NotifyPresetStatus.class).map(List::of);
                }),
                () -> {
                    if (registry.release(PushRegistry.Kind.PRESET, kinds).length > 0) {
                        Pushes.fireAndForget(link, link.protobuf(Operation.GET_AVAILABLE_PRESETS,
                                RequestGetPresetStatus.newBuilder().addAllUnregisterPresetStatus(KINDS).build(),
                                NotifyPresetStatus.class));
                    }
                });
    }

    /** Update Custom Preset (F1 64): the active custom preset's title, name and icon (each when not null). */
    @Implements(Operation.UPDATE_CUSTOM_PRESET)
    public Mono<Void> updateCustom(EnumPresetTitle title, String customName, EnumPresetIcon icon) {
        RequestCustomPresetUpdate.Builder r = RequestCustomPresetUpdate.newBuilder();
        if (title != null) {
            r.setTitleId(title);
        }
        if (customName != null) {
            r.setCustomName(customName);
        }
        if (icon != null) {
            r.setIconId(icon);
        }
        return link.deliver(link.protobuf(Operation.UPDATE_CUSTOM_PRESET, r.build(), ResponseGeneric.class).then());
    }

    /** Set Preset Visibility V2 (F1 63): shows or hides a preset in the camera's UI. */
    @Implements(Operation.SET_PRESET_VISIBILITY_V2)
    public Mono<Void> setVisibility(int presetId, boolean visible) {
        return link.deliver(link.protobuf(Operation.SET_PRESET_VISIBILITY_V2,
                RequestPresetSetVisibility.newBuilder().setId(presetId).setVisible(visible).build(),
                ResponseGeneric.class).then());
    }
}
