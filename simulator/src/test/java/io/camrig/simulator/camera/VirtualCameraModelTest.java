package io.camrig.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.ProtobufError;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import io.camrig.proto.message.SettingResponse;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.NotifyPresetStatus;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.RequestGetPresetStatus;
import io.camrig.proto.pb.RequestPresetSetVisibility;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A virtual camera answers per model (support data from the catalog), pushes only what a client
 * registered for, updates capabilities after a setting change, keeps preset visibility, and is
 * busy for a while after changes. Bytes in, bytes out, timers in virtual time.
 */
class VirtualCameraModelTest {
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    private VirtualCamera camera(SimulatedModel model, Duration busy) {
        SimulatorOptions options = SimulatorOptions.defaults().withCameras(1).withScheduler(time).withBusy(busy, busy);
        return new VirtualCamera(CameraIdentity.generate(1, model, 42), options.camera(), Duration.ZERO);
    }

    @Test
    void aHero9RefusesWhatAHero9Lacks() {
        SessionProbe probe = new SessionProbe(camera(SimulatedModel.HERO9_BLACK, Duration.ZERO));

        ProtobufMessage control = (ProtobufMessage) probe.request(
                RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL));
        assertThat(((ResponseGeneric) control.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_NOT_SUPPORTED);
        assertThat(probe.request(RequestEncoder.protobuf(Operation.GET_COHN_STATUS, RequestGetCOHNStatus.getDefaultInstance())))
                .isInstanceOfSatisfying(ProtobufError.class, e -> assertThat(e.tlvStatus()).isEqualTo(TlvStatus.INVALID_PARAMETER));
        assertThat(probe.request(RequestEncoder.command(CommandId.REBOOT)))
                .isEqualTo(new CommandResponse(CommandId.REBOOT, TlvStatus.INVALID_PARAMETER, new byte[0]));
        // 5.3K is not a HERO9 option; 5K is; Video Performance Mode is not a HERO9 setting.
        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {100})))
                .isEqualTo(new SettingResponse(2, TlvStatus.INVALID_PARAMETER));
        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {24})))
                .isEqualTo(new SettingResponse(2, TlvStatus.SUCCESS));
        assertThat(probe.request(RequestEncoder.setSetting(Setting.VIDEO_PERFORMANCE_MODE.id(), new byte[] {0})))
                .isEqualTo(new SettingResponse(Setting.VIDEO_PERFORMANCE_MODE.id(), TlvStatus.INVALID_PARAMETER));
        // The same requests a HERO12 accepts.
        SessionProbe hero12 = new SessionProbe(camera(SimulatedModel.HERO12_BLACK, Duration.ZERO));
        assertThat(hero12.request(RequestEncoder.setSetting(2, new byte[] {100})))
                .isEqualTo(new SettingResponse(2, TlvStatus.SUCCESS));
        assertThat(hero12.request(RequestEncoder.command(CommandId.REBOOT)))
                .isEqualTo(new CommandResponse(CommandId.REBOOT, TlvStatus.SUCCESS, new byte[0]));
    }

    @Test
    void statusesAndSettingsAreThoseOfTheModel() {
        for (SimulatedModel m : SimulatedModel.values()) {
            VirtualCamera c = camera(m, Duration.ZERO);
            CameraModel model = c.model();
            long statuses = Catalog.statuses().values().stream().filter(s -> s.supportedBy(model)).count();
            long settings = Catalog.settings().values().stream().filter(s -> s.supportedBy(model)).count();
            QueryResponse all = (QueryResponse) new SessionProbe(c).request(RequestEncoder.query(QueryId.GET_STATUS_VALUES));
            assertThat(all.entries()).as(m.displayName()).hasSize((int) statuses);
            assertThat(all.entries()).extracting(TlvEntry::id).allSatisfy(id ->
                    assertThat(Catalog.status(id).map(s -> s.supportedBy(model))).contains(true));
            assertThat(c.settings().values()).as(m.displayName()).hasSize((int) settings);
            c.settings().values().forEach((id, value) -> {
                var info = Catalog.setting(id).orElseThrow();
                if (!info.options().isEmpty()) {
                    assertThat(info.option(value).orElseThrow().supportedBy(model)).as("%s %s", m, info.name()).isTrue();
                }
            });
        }
    }

    @Test
    void capabilitiesFollowTheResolutionAndArePushedOnlyToRegisteredClients() {
        VirtualCamera camera = camera(SimulatedModel.HERO12_BLACK, Duration.ZERO);
        SessionProbe registered = new SessionProbe(camera);
        SessionProbe other = new SessionProbe(camera);
        int fps = Setting.FRAMES_PER_SECOND.id();
        QueryResponse before = (QueryResponse) registered.request(
                RequestEncoder.query(QueryId.REGISTER_SETTING_CAPABILITY_UPDATES, fps));
        registered.request(RequestEncoder.query(QueryId.REGISTER_SETTING_VALUE_UPDATES, fps));
        assertThat(before.entries()).extracting(TlvEntry::asLong).contains(1L);   // 120 fps at 4K
        registered.drain();
        other.drain();

        // 5.3K (100) caps the frame rate at 60: 120 fps goes, and the camera moves off it if set.
        assertThat(other.request(RequestEncoder.setSetting(fps, new byte[] {1}))).isEqualTo(new SettingResponse(fps, TlvStatus.SUCCESS));
        other.request(RequestEncoder.setSetting(2, new byte[] {100}));

        List<CameraMessage> pushes = registered.drain();
        PushNotification caps = pushes.stream().filter(m -> m instanceof PushNotification p
                && p.queryId() == QueryId.SETTING_CAPABILITY_PUSH).map(PushNotification.class::cast).reduce((a, b) -> b).orElseThrow();
        assertThat(caps.entries()).extracting(TlvEntry::asLong).containsExactlyElementsOf(camera.settings().capabilities(fps))
                .doesNotContain(1L, 0L);
        PushNotification value = pushes.stream().filter(m -> m instanceof PushNotification p
                && p.queryId() == QueryId.SETTING_VALUE_PUSH).map(PushNotification.class::cast).reduce((a, b) -> b).orElseThrow();
        assertThat(value.entry(fps).orElseThrow().asLong()).isEqualTo(camera.settings().value(fps).orElseThrow())
                .isNotEqualTo(1L);
        assertThat(other.drain()).noneMatch(m -> m instanceof PushNotification);
        assertThat(other.request(RequestEncoder.setSetting(fps, new byte[] {1})))
                .isEqualTo(new SettingResponse(fps, TlvStatus.INVALID_PARAMETER));
    }

    @Test
    void aSettingChangeMakesTheCameraBusyForAWhile() {
        VirtualCamera camera = camera(SimulatedModel.HERO12_BLACK, Duration.ofMillis(300));
        SessionProbe probe = new SessionProbe(camera);
        probe.request(RequestEncoder.registerStatusUpdates(8));
        probe.drain();

        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {9}))).isEqualTo(new SettingResponse(2, TlvStatus.SUCCESS));
        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {1}))).isEqualTo(new SettingResponse(2, TlvStatus.ERROR));
        time.advanceTimeBy(Duration.ofMillis(299));
        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {1}))).isEqualTo(new SettingResponse(2, TlvStatus.ERROR));
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(probe.request(RequestEncoder.setSetting(2, new byte[] {1}))).isEqualTo(new SettingResponse(2, TlvStatus.SUCCESS));
        assertThat(probe.drain()).filteredOn(m -> m instanceof PushNotification p && p.isStatusPush())
                .extracting(m -> ((PushNotification) m).entry(8).orElseThrow().asLong())
                .containsExactly(1L, 0L, 1L);
    }

    @Test
    void hiddenPresetsAreListedOnlyOnRequestAndCannotBeLoaded() {
        SessionProbe probe = new SessionProbe(camera(SimulatedModel.MAX_2, Duration.ZERO));
        ProtobufMessage hidden = (ProtobufMessage) probe.request(RequestEncoder.protobuf(Operation.SET_PRESET_VISIBILITY_V2,
                RequestPresetSetVisibility.newBuilder().setId(2).setVisible(false).build()));
        assertThat(((ResponseGeneric) hidden.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);

        assertThat(presetIds(probe, false)).doesNotContain(2).contains(0, 1, 3);
        assertThat(presetIds(probe, true)).contains(2);
        assertThat(probe.request(RequestEncoder.loadPreset(2)))
                .isEqualTo(new CommandResponse(CommandId.LOAD_PRESET, TlvStatus.INVALID_PARAMETER, new byte[0]));
        assertThat(probe.request(RequestEncoder.loadPreset(1)))
                .isEqualTo(new CommandResponse(CommandId.LOAD_PRESET, TlvStatus.SUCCESS, new byte[0]));
        ProtobufMessage active = (ProtobufMessage) probe.request(RequestEncoder.protobuf(Operation.SET_PRESET_VISIBILITY_V2,
                RequestPresetSetVisibility.newBuilder().setId(1).setVisible(false).build()));
        assertThat(((ResponseGeneric) active.message()).getResult()).isEqualTo(EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE);
    }

    private static List<Integer> presetIds(SessionProbe probe, boolean includeHidden) {
        ProtobufMessage m = (ProtobufMessage) probe.request(RequestEncoder.protobuf(Operation.GET_AVAILABLE_PRESETS,
                RequestGetPresetStatus.newBuilder().setIncludeHidden(includeHidden).build()));
        return ((NotifyPresetStatus) m.message()).getPresetGroupArrayList().stream()
                .flatMap(g -> g.getPresetArrayList().stream()).map(p -> p.getId()).toList();
    }
}
