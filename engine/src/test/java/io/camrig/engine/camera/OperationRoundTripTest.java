package io.camrig.engine.camera;

import static io.camrig.engine.camera.SimulatedCamera.LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.error.CameraStatusException;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.EnumLiveStreamStatus;
import io.camrig.proto.pb.EnumPairingFinishState;
import io.camrig.proto.pb.EnumPresetIcon;
import io.camrig.proto.pb.EnumPresetTitle;
import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.proto.pb.EnumScanning;
import io.camrig.proto.pb.NotifyPresetStatus;
import io.camrig.proto.pb.Preset;
import io.camrig.proto.pb.PresetGroup;
import io.camrig.proto.pb.RequestSetLiveStreamMode;
import io.camrig.proto.pb.ScanEntry;
import io.camrig.simulator.state.SimulatedNetworks;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * Every BLE operation of the catalog, through the engine's API, against a virtual camera of a model
 * that supports it; each checks the camera's side (the simulator's state) and the engine's result.
 * The tests are made from the catalog: an operation without a scenario here fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationRoundTripTest {
    /** MAX 2 supports every BLE operation but Set Livestream Mode; HERO12 Black has that. */
    private static final String MAIN = "MAX 2";
    private static final String LIVESTREAM = "HERO12 Black";

    private record Scenario(String model, Consumer<SimulatedCamera> body) {
    }

    private final Map<String, SimulatedCamera> cameras = new HashMap<>();
    private final Map<Operation, Scenario> scenarios = new EnumMap<>(Operation.class);

    @TestFactory
    Stream<DynamicTest> everyBleOperationRoundTrips() {
        defineScenarios();
        return Catalog.bleOperations().stream().map(OperationInfo::operation).map(op -> DynamicTest.dynamicTest(
                op.info().extension() ? op.name() + " (extension, not in the published spec)" : op.name(), () -> {
                    Scenario s = scenarios.get(op);
                    assertThat(s).as("a round-trip scenario for %s", op).isNotNull();
                    SimulatedCamera c = cameras.computeIfAbsent(s.model(), m -> SimulatedCamera.start(m, java.time.Duration.ZERO));
                    assertThat(op.info().supportedBy(c.sim.model())).as("%s supports %s", s.model(), op).isTrue();
                    c.awaitReady();
                    s.body().accept(c);
                }));
    }

    @AfterAll
    void closeCameras() {
        cameras.values().forEach(SimulatedCamera::close);
    }

    private void on(Operation op, Consumer<SimulatedCamera> body) {
        scenarios.put(op, new Scenario(MAIN, body));
    }

    private void defineScenarios() {
        on(Operation.GET_OPEN_GOPRO_VERSION, c -> assertThat(c.camera.info().openGoProVersion().block(LIMIT))
                .hasToString("2.0"));
        on(Operation.GET_HARDWARE_INFO, c -> {
            var info = c.camera.info().hardwareInfo().block(LIMIT);
            assertThat(info.serialNumber()).isEqualTo(c.sim.identity().serial());
            assertThat(info.modelNumber()).isEqualTo(c.sim.model().modelId());
            assertThat(c.camera.info().model().block(LIMIT)).isEqualTo(c.sim.model());
        });
        on(Operation.SET_SHUTTER, c -> {
            c.camera.control().setShutter(true).block(LIMIT);
            assertThat(c.sim.statuses().get(10)).isEqualTo(1);
            c.camera.control().setShutter(false).block(LIMIT);
            c.camera.awaitEncoding(false, LIMIT).block(LIMIT);
            assertThat(c.sim.sdCard().files()).isNotEmpty();
        });
        on(Operation.SLEEP, c -> c.camera.control().sleep().block(LIMIT));
        on(Operation.REBOOT_THE_CAMERA, c -> c.camera.control().reboot().block(LIMIT));
        on(Operation.PRESS_BUTTON, c -> c.camera.control().pressButton().block(LIMIT));
        on(Operation.KEEP_ALIVE, c -> c.camera.control().keepAlive().block(LIMIT));
        on(Operation.SET_DATE_TIME, c -> {
            LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 58);
            c.camera.control().setDateTime(t).block(LIMIT);
            assertThat(c.sim.clock()).isEqualTo(t);
        });
        on(Operation.GET_DATE_TIME, c -> {
            c.camera.control().setDateTime(LocalDateTime.of(2025, 7, 1, 8, 30, 0)).block(LIMIT);
            assertThat(c.camera.control().dateTime().block(LIMIT)).isEqualTo(LocalDateTime.of(2025, 7, 1, 8, 30, 0));
        });
        on(Operation.SET_LOCAL_DATE_TIME, c -> {
            ZonedDateTime summer = ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
            c.camera.control().setLocalDateTime(summer).block(LIMIT);
            assertThat(c.sim.clock()).isEqualTo(summer.toLocalDateTime());
        });
        on(Operation.GET_LOCAL_DATE_TIME, c -> {
            CameraLocalDateTime t = new CameraLocalDateTime(LocalDateTime.of(2024, 4, 4, 13, 0, 5), -420, true);
            c.camera.control().setLocalDateTime(t).block(LIMIT);
            assertThat(c.camera.control().localDateTime().block(LIMIT)).isEqualTo(t);
        });
        on(Operation.SET_AP_CONTROL, c -> {
            c.camera.control().setApControl(true).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isEqualTo(1);
            c.camera.control().setApControl(false).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.AP_MODE.id())).isZero();
        });
        on(Operation.HILIGHT_MOMENT, c -> {
            assertThatThrownBy(() -> c.camera.control().hilightMoment().block(LIMIT))
                    .isInstanceOf(CameraStatusException.class).hasMessageContaining("error");
            c.camera.control().setShutter(true).block(LIMIT);
            c.camera.control().hilightMoment().block(LIMIT);
            assertThat(c.sim.statuses().get(Status.ACTIVE_HILIGHTS.id())).isEqualTo(1);
            c.camera.control().setShutter(false).block(LIMIT);
            c.camera.awaitEncoding(false, LIMIT).block(LIMIT);
        });
        on(Operation.DELETE_ALL_FILES, c -> {
            c.sim.sdCard().record(java.time.Instant.now());
            c.camera.control().deleteAllFiles().block(LIMIT);
            assertThat(c.sim.sdCard().files()).isEmpty();
        });
        on(Operation.SET_CAMERA_CONTROL, c -> {
            c.camera.control().setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.CAMERA_CONTROL_ID.id())).isEqualTo(2);
        });
        on(Operation.SET_TURBO_TRANSFER, c -> {
            c.camera.control().setTurboTransfer(true).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.TURBO_TRANSFER.id())).isEqualTo(1);
            c.camera.control().setTurboTransfer(false).block(LIMIT);
        });
        on(Operation.SET_CAMERA_NAME, c -> {
            c.camera.control().setCameraName("Rig Left").block(LIMIT);
            assertThat(c.camera.statuses().get(Status.CAMERA_NAME).block(LIMIT).display()).isEqualTo("Rig Left");
        });
        on(Operation.SET_PAIRING_STATE, c -> {
            c.camera.control().pairingFinish(EnumPairingFinishState.SUCCESS, "camrig").block(LIMIT);
            assertThat(c.sim.statuses().get(Status.PAIRING_STATE.id())).isEqualTo(4);
        });
        on(Operation.GET_LAST_CAPTURED_MEDIA, c -> {
            c.camera.control().setShutter(true).block(LIMIT);
            c.camera.control().setShutter(false).block(LIMIT);
            c.camera.awaitEncoding(false, LIMIT).block(LIMIT);
            var files = c.sim.sdCard().files();
            assertThat(c.camera.info().lastCapturedMedia().block(LIMIT).getFile())
                    .isEqualTo(files.get(files.size() - 1).name());
        });
        settingScenarios();
        statusScenarios();
        presetScenarios();
        networkScenarios();
    }

    private void settingScenarios() {
        on(Operation.CHANGE_SETTING, c -> {
            SettingOption option = otherOption(c, Setting.VIDEO_LENS);
            c.camera.settings().set(Setting.VIDEO_LENS, option).block(LIMIT);
            assertThat(c.sim.settings().value(Setting.VIDEO_LENS.id())).contains(option.value());
        });
        on(Operation.GET_SETTING_VALUES, c -> {
            assertThat(c.camera.settings().get(Setting.VIDEO_RESOLUTION).block(LIMIT).value())
                    .isEqualTo(c.sim.settings().value(Setting.VIDEO_RESOLUTION.id()).orElseThrow());
            assertThat(c.camera.settings().all().block(LIMIT)).hasSize(c.sim.settings().values().size());
        });
        on(Operation.GET_SETTING_CAPABILITIES, c -> assertThat(c.camera.settings().capabilities(Setting.FRAMES_PER_SECOND)
                .block(LIMIT)).containsExactly(new SettingCapabilities(Setting.FRAMES_PER_SECOND.id(),
                c.sim.settings().capabilities(Setting.FRAMES_PER_SECOND.id()))));
        Consumer<SimulatedCamera> values = c -> {
            long current = c.sim.settings().value(Setting.VIDEO_LENS.id()).orElseThrow();
            SettingOption option = otherOption(c, Setting.VIDEO_LENS);
            StepVerifier.create(c.camera.settings().valueUpdates(Setting.VIDEO_LENS))
                    .assertNext(v -> assertThat(v.value()).isEqualTo(current))
                    .then(() -> c.camera.settings().set(Setting.VIDEO_LENS, option).subscribe())
                    .assertNext(v -> assertThat(v.option()).contains(option))
                    .thenCancel()
                    .verify(LIMIT);
            assertNoPushAfterChange(c, 0x92, () -> c.camera.settings().set(Setting.VIDEO_LENS, otherOption(c, Setting.VIDEO_LENS)));
        };
        on(Operation.REGISTER_FOR_SETTING_VALUE_UPDATES, values);
        on(Operation.UNREGISTER_FOR_SETTING_VALUE_UPDATES, values);
        Consumer<SimulatedCamera> capabilities = c -> {
            int fps = Setting.FRAMES_PER_SECOND.id();
            List<Long> before = c.sim.settings().capabilities(fps);
            SettingOption high = Setting.VIDEO_RESOLUTION.info().optionsFor(c.sim.model()).stream()
                    .filter(o -> o.name().startsWith("5") || o.name().startsWith("8K")).findFirst().orElseThrow();
            SettingOption low = Setting.VIDEO_RESOLUTION.option("1080");
            StepVerifier.create(c.camera.settings().capabilityUpdates(Setting.FRAMES_PER_SECOND))
                    .assertNext(caps -> assertThat(caps.values()).isEqualTo(before))
                    .then(() -> c.camera.settings().set(Setting.VIDEO_RESOLUTION, high).subscribe())
                    .assertNext(caps -> {
                        assertThat(caps.values()).isEqualTo(c.sim.settings().capabilities(fps)).isNotEqualTo(before);
                        assertThat(caps.options()).allSatisfy(o -> assertThat(Double.parseDouble(o.name())).isLessThanOrEqualTo(60));
                    })
                    .thenCancel()
                    .verify(LIMIT);
            c.awaitReady();
            assertNoPushAfterChange(c, 0xA2, () -> c.camera.settings().set(Setting.VIDEO_RESOLUTION, low));
        };
        on(Operation.REGISTER_FOR_SETTING_CAPABILITY_UPDATES, capabilities);
        on(Operation.UNREGISTER_FOR_SETTING_CAPABILITY_UPDATES, capabilities);
    }

    private void statusScenarios() {
        on(Operation.GET_STATUS_VALUES, c -> {
            assertThat(c.camera.statuses().get(Status.INTERNAL_BATTERY_PERCENTAGE).block(LIMIT).asLong())
                    .isEqualTo(c.sim.statuses().get(Status.INTERNAL_BATTERY_PERCENTAGE.id()));
            assertThat(c.camera.statuses().all().block(LIMIT)).hasSize(c.sim.statuses().entries(List.of()).size());
        });
        Consumer<SimulatedCamera> updates = c -> {
            int id = Status.WIFI_SCAN_STATE.id();
            long next = c.sim.statuses().get(id) == 1 ? 2 : 1;
            StepVerifier.create(c.camera.statuses().updates(Status.WIFI_SCAN_STATE))
                    .assertNext(v -> assertThat(v.asLong()).isEqualTo(c.sim.statuses().get(id)))
                    .then(() -> c.sim.statuses().setInt(id, 1, next))
                    .assertNext(v -> {
                        assertThat(v.asLong()).isEqualTo(next);
                        assertThat(v.display()).isEqualTo(Status.WIFI_SCAN_STATE.info().valueName(next).orElseThrow());
                    })
                    .thenCancel()
                    .verify(LIMIT);
            assertNoPushAfterChange(c, 0x93, () -> reactor.core.publisher.Mono.fromRunnable(() ->
                    c.sim.statuses().setInt(Status.WIFI_SCAN_STATE.id(), 1, 3)));
        };
        on(Operation.REGISTER_FOR_STATUS_VALUE_UPDATES, updates);
        on(Operation.UNREGISTER_FOR_STATUS_VALUE_UPDATES, updates);
    }

    private void presetScenarios() {
        on(Operation.LOAD_PRESET_GROUP, c -> {
            c.camera.presets().loadGroup(1001).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.PRESET_GROUP.id())).isEqualTo(1001);
            c.camera.presets().loadGroup(1000).block(LIMIT);
        });
        on(Operation.LOAD_PRESET, c -> {
            c.camera.presets().load(2).block(LIMIT);
            assertThat(c.sim.statuses().get(Status.PRESET.id())).isEqualTo(2);
            c.camera.presets().load(0).block(LIMIT);
        });
        on(Operation.GET_AVAILABLE_PRESETS, c -> {
            NotifyPresetStatus status = c.camera.presets().status(false).block(LIMIT);
            assertThat(status.getPresetGroupArrayList()).extracting(g -> g.getId().getNumber())
                    .containsExactly(1000, 1001, 1002);
            StepVerifier.create(c.camera.presets().updates())
                    .assertNext(now -> assertThat(now.getPresetGroupArray(0).getActivePresetId()).isZero())
                    .then(() -> c.camera.presets().load(1).subscribe())
                    .assertNext(later -> assertThat(later.getPresetGroupArray(0).getActivePresetId()).isEqualTo(1))
                    .thenCancel()
                    .verify(LIMIT);
            c.awaitReady();
            c.camera.presets().load(0).block(LIMIT);
        });
        on(Operation.SET_PRESET_VISIBILITY_V2, c -> {
            c.camera.presets().setVisibility(3, false).block(LIMIT);
            assertThat(presetIds(c.camera.presets().status(false).block(LIMIT))).doesNotContain(3);
            assertThat(presetIds(c.camera.presets().status(true).block(LIMIT))).contains(3);
            c.camera.presets().setVisibility(3, true).block(LIMIT);
            assertThat(presetIds(c.camera.presets().status(false).block(LIMIT))).contains(3);
        });
        on(Operation.UPDATE_CUSTOM_PRESET, c -> {
            c.camera.presets().updateCustom(EnumPresetTitle.PRESET_TITLE_USER_DEFINED_CUSTOM_NAME, "Rig A",
                    EnumPresetIcon.PRESET_ICON_CUSTOM).block(LIMIT);
            Preset active = c.camera.presets().status(false).block(LIMIT).getPresetGroupArray(0).getPresetArray(0);
            assertThat(active.getCustomName()).isEqualTo("Rig A");
            assertThat(active.getIcon()).isEqualTo(EnumPresetIcon.PRESET_ICON_CUSTOM);
        });
        scenarios.put(Operation.SET_LIVESTREAM_MODE, new Scenario(LIVESTREAM, c -> {
            c.camera.livestream().setMode(RequestSetLiveStreamMode.newBuilder().setUrl("rtmp://example.invalid/live")
                    .setEncode(true).build()).block(LIMIT);
            assertThat(c.camera.livestream().status().block(LIMIT).getLiveStreamStatus())
                    .isEqualTo(EnumLiveStreamStatus.LIVE_STREAM_STATE_READY);
        }));
        scenarios.put(Operation.GET_LIVESTREAM_STATUS, new Scenario(LIVESTREAM, c -> {
            List<Throwable> refused = new CopyOnWriteArrayList<>();
            StepVerifier.create(c.camera.livestream().statusUpdates())
                    .assertNext(now -> assertThat(now.getLiveStreamWindowSizeSupportedArrayCount()).isEqualTo(3))
                    .then(() -> c.camera.livestream().setMode(RequestSetLiveStreamMode.newBuilder().setUrl("ftp://x").build())
                            .subscribe(v -> { }, refused::add))
                    .assertNext(later -> assertThat(later.getLiveStreamStatus())
                            .isEqualTo(EnumLiveStreamStatus.LIVE_STREAM_STATE_FAILED_STAY_ON))
                    .thenCancel()
                    .verify(LIMIT);
            assertThat(c.camera.livestream().status().block(LIMIT).getLiveStreamStatus())
                    .isEqualTo(EnumLiveStreamStatus.LIVE_STREAM_STATE_FAILED_STAY_ON);
            assertThat(refused).singleElement().isInstanceOf(CameraStatusException.class)
                    .extracting(Throwable::getMessage).asString().contains("RESULT_ARGUMENT_INVALID");
        }));
    }

    private void networkScenarios() {
        Consumer<SimulatedCamera> scan = c -> {
            var done = c.camera.network().scan().block(LIMIT);
            assertThat(done.getScanningState()).isEqualTo(EnumScanning.SCANNING_SUCCESS);
            List<ScanEntry> entries = c.camera.network().scanResults(done.getScanId(), 0, 10).block(LIMIT);
            assertThat(entries).hasSize(done.getTotalEntries())
                    .extracting(ScanEntry::getSsid).containsExactlyElementsOf(
                            c.sim.wifi().inRange().stream().map(n -> n.ssid()).toList());
        };
        on(Operation.SCAN_FOR_ACCESS_POINTS, scan);
        on(Operation.GET_AP_SCAN_RESULTS, scan);
        on(Operation.RELEASE_NETWORK, c -> {
            c.camera.network().connect("rig-studio").block(LIMIT);
            assertThat(c.sim.wifi().connected()).contains("rig-studio");
            c.camera.control().releaseNetwork().block(LIMIT);
            assertThat(c.sim.wifi().connected()).isEmpty();
            c.camera.control().releaseNetwork().block(LIMIT);   // nothing joined: still a success
        });
        on(Operation.GET_CAMERA_CAPABILITIES, c -> {
            var capabilities = c.camera.info().cameraCapabilities().block(LIMIT);
            assertThat(capabilities.getSchemaVersion()).isEqualTo("camera-capabilities/v1.0");
            assertThat(capabilities.hasProtocol()).isTrue();
            assertThat(capabilities.getProtocol().hasSupports2ByteIds()).isTrue();
            assertThat(capabilities.getProtocol().getSupports2ByteIds()).isFalse();
        });
        on(Operation.POWER_DOWN, c -> c.camera.control().powerDown().block(LIMIT));
        on(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT, c -> {
            assertThat(c.camera.network().connect("rig-studio").block(LIMIT))
                    .isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP);
            assertThat(c.sim.wifi().connected()).contains("rig-studio");
        });
        on(Operation.CONNECT_TO_A_NEW_ACCESS_POINT, c -> {
            assertThatThrownBy(() -> c.camera.network().connectNew(SimulatedNetworks.BACKSTAGE_SSID, "short").block(LIMIT))
                    .isInstanceOf(CameraStatusException.class)
                    .hasMessageContaining("PROVISIONING_ERROR_PASSWORD_AUTH")
                    .hasMessageNotContaining("short");
            assertThat(c.camera.network().connectNew(SimulatedNetworks.BACKSTAGE_SSID, SimulatedNetworks.BACKSTAGE_PASSWORD).block(LIMIT))
                    .isEqualTo(EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP);
            assertThat(c.sim.wifi().connected()).contains(SimulatedNetworks.BACKSTAGE_SSID);
        });
        Consumer<SimulatedCamera> cohn = c -> {
            c.camera.network().connect("rig-studio").block(LIMIT);
            c.camera.cohn().createCertificate(true).block(LIMIT);
            assertThat(c.camera.cohn().certificate().block(LIMIT)).startsWith("-----BEGIN CERTIFICATE-----");
            var status = c.camera.cohn().status().block(LIMIT);
            assertThat(status.getStatus()).isEqualTo(EnumCOHNStatus.COHN_PROVISIONED);
            assertThat(status.getPassword()).isNotEmpty();
            StepVerifier.create(c.camera.cohn().statusUpdates())
                    .assertNext(now -> assertThat(now.getEnabled()).isTrue())
                    .then(() -> c.camera.cohn().setActive(false).subscribe())
                    .assertNext(later -> assertThat(later.getEnabled()).isFalse())
                    .then(() -> c.camera.cohn().clearCertificate().subscribe())
                    .assertNext(later -> assertThat(later.getStatus()).isEqualTo(EnumCOHNStatus.COHN_UNPROVISIONED))
                    .thenCancel()
                    .verify(LIMIT);
            assertThatThrownBy(() -> c.camera.cohn().certificate().block(LIMIT))
                    .isInstanceOf(CameraStatusException.class).hasMessageContaining("RESULT_RESOURCE_NOT_AVAILABLE");
            c.camera.cohn().setActive(true).block(LIMIT);
        };
        on(Operation.GET_COHN_STATUS, cohn);
        on(Operation.CREATE_COHN_CERTIFICATE, cohn);
        on(Operation.CLEAR_COHN_CERTIFICATE, cohn);
        on(Operation.GET_COHN_CERTIFICATE, cohn);
        on(Operation.SET_COHN_SETTING, cohn);
    }

    /** An option of a setting the model supports, other than the current one. */
    private static SettingOption otherOption(SimulatedCamera c, Setting setting) {
        long current = c.sim.settings().value(setting.id()).orElseThrow();
        return setting.info().optionsFor(c.sim.model()).stream()
                .filter(o -> o.value() != current && c.sim.settings().capabilities(setting.id()).contains(o.value()))
                .findFirst().orElseThrow();
    }

    private static List<Integer> presetIds(NotifyPresetStatus status) {
        List<Integer> ids = new ArrayList<>();
        for (PresetGroup g : status.getPresetGroupArrayList()) {
            g.getPresetArrayList().forEach(p -> ids.add(p.getId()));
        }
        return ids;
    }

    /**
     * After a stream was cancelled: makes a change, then reads settings (a query answered on the
     * same characteristic as pushes, after the unregistration in the same queue), and checks that
     * no push of that kind arrived in between.
     */
    private static void assertNoPushAfterChange(SimulatedCamera c, int pushId,
                                                java.util.function.Supplier<reactor.core.publisher.Mono<?>> change) {
        List<PushNotification> pushes = new CopyOnWriteArrayList<>();
        c.camera.settings().get(Setting.VIDEO_RESOLUTION).block(LIMIT);   // the unregistration is done
        Disposable tap = c.camera.unsolicited().ofType(PushNotification.class).filter(p -> p.queryId() == pushId)
                .subscribe(pushes::add);
        c.awaitReady();
        change.get().block(LIMIT);
        c.camera.settings().get(Setting.VIDEO_RESOLUTION).block(LIMIT);
        tap.dispose();
        assertThat(pushes).as("pushes 0x%02X after unregistering", pushId).isEmpty();
    }
}
