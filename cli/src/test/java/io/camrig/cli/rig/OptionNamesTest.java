package io.camrig.cli.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.catalog.Setting;
import org.junit.jupiter.api.Test;

/** Options as people type them: the spec's name, the same number written another way, or the value. */
class OptionNamesTest {
    @Test
    void aFrameRateIsTheSameWhicheverWayItIsWritten() {
        long fps240 = Setting.FRAMES_PER_SECOND.option("240.0").value();
        for (String typed : new String[]{"240", "240.0", "240fps", "240 FPS", " 240.00 "}) {
            assertThat(OptionNames.resolve(Setting.FRAMES_PER_SECOND, typed).value()).as(typed).isEqualTo(fps240);
        }
        assertThat(fps240).as("240 is a name here, never the value 240").isNotEqualTo(240);
    }

    @Test
    void unitsMayBeShortenedOrLeftOutButNotChanged() {
        assertThat(OptionNames.resolve(Setting.VIDEO_RESOLUTION, "1080p").name()).isEqualTo("1080");
        assertThat(OptionNames.resolve(Setting.VIDEO_TIMELAPSE_RATE, "2s").name()).isEqualTo("2 Seconds");
        assertThat(OptionNames.resolve(Setting.VIDEO_TIMELAPSE_RATE, "2min").name()).isEqualTo("2 Minutes");
        assertThatThrownBy(() -> OptionNames.resolve(Setting.VIDEO_TIMELAPSE_RATE, "2h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options:");
    }

    @Test
    void namesAndKeysStillWinAndValuesStillWork() {
        assertThat(OptionNames.resolve(Setting.VIDEO_RESOLUTION, "4k_4_3").name()).isEqualTo("4K 4:3");
        assertThat(OptionNames.resolve(Setting.VIDEO_RESOLUTION, "9").name()).isEqualTo("1080");
        assertThatThrownBy(() -> OptionNames.resolve(Setting.FRAMES_PER_SECOND, "7777fps"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
