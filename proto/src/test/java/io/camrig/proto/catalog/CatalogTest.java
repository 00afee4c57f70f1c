package io.camrig.proto.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.gatt.GoProUuid;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Typed access to the committed catalog, and the support checks made before sending. */
class CatalogTest {

    @Test
    void theSdkOperationsAreExtensionsNotInThePublishedSpec() {
        assertThat(Catalog.operations().stream().filter(OperationInfo::extension).map(OperationInfo::operation))
                .containsExactlyInAnyOrder(Operation.RELEASE_NETWORK, Operation.POWER_DOWN,
                        Operation.GET_CAMERA_CAPABILITIES);
        assertThat(Catalog.publishedOperations()).noneMatch(OperationInfo::extension)
                .hasSize(Catalog.operations().size() - 3);
        assertThat(Operation.SLEEP.info().extension()).isFalse();

        OperationInfo release = Operation.RELEASE_NETWORK.info();
        assertThat(release.kind()).isEqualTo(OperationInfo.Kind.PROTOBUF);
        assertThat(release.request()).hasValue(new ProtobufRef(0xF1, 0x78, ProtobufRef.Direction.REQUEST,
                "RequestReleaseNetwork"));
        assertThat(release.response()).hasValue(new ProtobufRef(0xF1, 0xF8, ProtobufRef.Direction.RESPONSE,
                "ResponseGeneric"));
        assertThat(release.characteristic()).hasValue(GoProUuid.COMMAND);

        OperationInfo capabilities = Operation.GET_CAMERA_CAPABILITIES.info();
        assertThat(capabilities.request()).hasValue(new ProtobufRef(0xF5, 0x6C, ProtobufRef.Direction.REQUEST,
                "RequestGetCameraCapabilities"));
        assertThat(capabilities.response()).hasValue(new ProtobufRef(0xF5, 0xEC, ProtobufRef.Direction.RESPONSE,
                "ResponseGetCameraCapabilities"));
        assertThat(ProtobufTypes.response(0xF5, 0xEC).map(ProtobufTypes.Route::op))
                .hasValue(Operation.GET_CAMERA_CAPABILITIES);

        OperationInfo powerDown = Operation.POWER_DOWN.info();
        assertThat(powerDown.kind()).isEqualTo(OperationInfo.Kind.COMMAND);
        assertThat(powerDown.commandId()).hasValue(0x04);
        assertThat(Catalog.command(0x04).map(OperationInfo::operation)).hasValue(Operation.POWER_DOWN);
    }

    @Test
    void typedKeysAndCatalogEntriesAreOneToOne() {
        assertThat(Arrays.stream(Setting.values()).map(Setting::id).collect(Collectors.toSet()))
                .isEqualTo(Catalog.settings().keySet());
        assertThat(Arrays.stream(Status.values()).map(Status::id).collect(Collectors.toSet()))
                .isEqualTo(Catalog.statuses().keySet());
        for (Setting s : Setting.values()) {
            assertThat(s.info().key()).isEqualTo(s.name());
        }
        for (Status s : Status.values()) {
            assertThat(s.info().key()).isEqualTo(s.name());
        }
        assertThat(Catalog.operations()).extracting(OperationInfo::operation).containsExactly(Operation.values());
    }

    @Test
    void namedOptionsResolveByNameKeyOrValue() {
        SettingOption hd = Setting.VIDEO_RESOLUTION.option("1080");
        assertThat(hd.value()).isEqualTo(9);
        assertThat(Setting.VIDEO_RESOLUTION.option("4k_4_3_v2").name()).isEqualTo("4K 4:3 V2");
        assertThat(Setting.VIDEO_RESOLUTION.option("4K 4:3 v2")).isEqualTo(Setting.VIDEO_RESOLUTION.option(112).orElseThrow());
        assertThat(Setting.VIDEO_RESOLUTION.option("100").name()).isEqualTo("5.3K");
        assertThatThrownBy(() -> Setting.VIDEO_RESOLUTION.option("12K"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no option '12K'").hasMessageContaining("1080 (9)");
        assertThat(Setting.of(2)).contains(Setting.VIDEO_RESOLUTION);
        assertThat(Setting.VIDEO_RESOLUTION.displayName()).isEqualTo("Video Resolution");
    }

    @Test
    void perModelSupportRefusesAnOptionAndNamesTheSupportedOnes() {
        SettingInfo resolution = Setting.VIDEO_RESOLUTION.info();
        resolution.check(CameraModel.HERO12_BLACK, 100);   // 5.3K on a HERO12: fine
        assertThatThrownBy(() -> resolution.check(CameraModel.HERO9_BLACK, 100))
                .isInstanceOfSatisfying(UnsupportedOptionException.class, e -> {
                    assertThat(e.model()).isEqualTo(CameraModel.HERO9_BLACK);
                    assertThat(e.value()).isEqualTo(100);
                    assertThat(e.supported()).extracting(SettingOption::value)
                            .containsExactlyElementsOf(resolution.optionsFor(CameraModel.HERO9_BLACK).stream()
                                    .map(SettingOption::value).toList())
                            .contains(1L, 9L, 24L)
                            .doesNotContain(100L);
                    assertThat(e.getMessage()).contains("HERO9 Black does not support Video Resolution = 5.3K (100)")
                            .contains("supported: ").contains("5K (24)");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void aSettingTheModelLacksIsRefusedAndAnOptionlessSettingTakesAnyValueOfItsFormat() {
        SettingInfo performance = Setting.VIDEO_PERFORMANCE_MODE.info();
        CameraModel lacking = Arrays.stream(CameraModel.values()).filter(m -> !performance.supportedBy(m)).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> performance.check(lacking, performance.options().get(0).value()))
                .isInstanceOf(UnsupportedOptionException.class)
                .hasMessageContaining("does not support the setting Video Performance Mode");
        SettingInfo brightness = Setting.LCD_BRIGHTNESS.info();
        assertThat(brightness.options()).isEmpty();
        CameraModel supporting = brightness.models().iterator().next();
        brightness.check(supporting, 55);
        assertThatThrownBy(() -> brightness.check(supporting, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Setting.PHOTO_TIMELAPSE_RATE.info().width()).isEqualTo(8);
    }

    @Test
    void operationsCarryTheirIdsCharacteristicsAndSupport() {
        OperationInfo shutter = Operation.SET_SHUTTER.info();
        assertThat(shutter.kind()).isEqualTo(OperationInfo.Kind.COMMAND);
        assertThat(shutter.commandId()).hasValue(0x01);
        assertThat(shutter.characteristic()).contains(GoProUuid.COMMAND);
        assertThat(Operation.KEEP_ALIVE.info().characteristic()).contains(GoProUuid.SETTINGS);
        assertThat(Operation.SET_PAIRING_STATE.info().characteristic()).contains(GoProUuid.NETWORK_MANAGEMENT_COMMAND);
        assertThat(Operation.GET_AVAILABLE_PRESETS.info().notification()).hasValueSatisfying(n -> {
            assertThat(n.featureId()).isEqualTo(0xF5);
            assertThat(n.actionId()).isEqualTo(0xF3);
            assertThat(n.message()).isEqualTo("NotifyPresetStatus");
        });
        assertThat(Catalog.bleOperations()).hasSize(48);   // 45 of the spec and 3 extensions
        assertThat(Catalog.bleOperations()).filteredOn(OperationInfo::extension).hasSize(3);
        assertThatThrownBy(() -> Operation.SET_CAMERA_NAME.info().check(CameraModel.HERO12_BLACK))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("HERO12 Black does not support Set Camera Name");
        Operation.SET_CAMERA_NAME.info().check(CameraModel.MAX_2);
    }

    @Test
    void statusesCarryTypesAndValueNames() {
        assertThat(Status.INTERNAL_BATTERY_BARS.info().valueName(4)).contains("Charging");
        assertThat(Status.BUSY.info().type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(Status.CAMERA_NAME.info().type()).isEqualTo(ValueType.STRING);
        assertThat(Status.PRIMARY_STORAGE.info().valueName(-1)).contains("Unknown");
        assertThat(CameraModel.byModelId(62)).contains(CameraModel.HERO12_BLACK);
    }
}
