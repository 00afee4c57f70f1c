package io.camrig.footage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timecode display (non-drop and SMPTE drop-frame) and time of day, at the edges of the minute and the day. */
class TimecodeTest {
    private static final int DROP = 1;
    private static final int H24 = 2;

    @ParameterizedTest(name = "frame {0} at {1}/{2} flags {3} shows {4}")
    @CsvSource({
        // 29.97 drop-frame: labels ;00 and ;01 skipped at every minute but each tenth
        "0,       30000, 1001, 3, 00:00:00;00",
        "1799,    30000, 1001, 3, 00:00:59;29",
        "1800,    30000, 1001, 3, 00:01:00;02",
        "17981,   30000, 1001, 3, 00:09:59;29",
        "17982,   30000, 1001, 3, 00:10:00;00",
        "19782,   30000, 1001, 3, 00:11:00;02",
        // the real HERO5 start frame, had it been flagged drop-frame: 19:27:58;06 on a clock reading 19:27:58.141
        "2100244, 30000, 1001, 3, 19:27:58;06",
        // the day's last label, then midnight: with the 24-hour flag the hours wrap, without it they run on
        "2589407, 30000, 1001, 3, 23:59:59;29",
        "2589408, 30000, 1001, 3, 00:00:00;00",
        "2589408, 30000, 1001, 1, 24:00:00;00",
        // 59.94 drop-frame: four labels skipped
        "3599,    60000, 1001, 3, 00:00:59;59",
        "3600,    60000, 1001, 3, 00:01:00;04",
        // non-drop at 29.97 counts 30 labels a second (the editor's view of the same frame)
        "2100244, 30000, 1001, 2, 19:26:48:04",
        "2592000, 30000, 1001, 2, 00:00:00:00",
        // drop-frame flagged at 25 fps has no drop-frame form: shown non-drop with ';'
        "2159999, 25,      1, 3, 23:59:59;24",
    })
    void smpteShowsTheLabelAnEditorShows(long frame, long timescale, long frameDuration, int flags, String expected) {
        assertThat(new Timecode(frame, timescale, frameDuration, 30, flags).smpte()).isEqualTo(expected);
    }

    @Test
    void dropFrameChangesTheLabelNotTheTimeOfDay() {
        Timecode drop = new Timecode(2_100_244, 30000, 1001, 30, DROP | H24);
        Timecode nonDrop = new Timecode(2_100_244, 30000, 1001, 30, H24);

        assertThat(drop.timeOfDay()).isEqualTo(nonDrop.timeOfDay()).isEqualTo(Duration.ofNanos(70_078_141_466_667L));
        assertThat(drop.dropFrame()).isTrue();
    }

    @Test
    void timeOfDayIsExactToTheNanosecondAndWrapsAtMidnight() {
        // the day's last frame number at 29.97 starts 19.7 ms before midnight; the next one is past it
        assertThat(new Timecode(2_589_410, 30000, 1001, 30, H24).timeOfDay())
                .isEqualTo(Duration.ofNanos(86_399_980_333_333L));
        assertThat(new Timecode(2_589_411, 30000, 1001, 30, H24).timeOfDay()).isEqualTo(Duration.ofNanos(13_700_000L));
    }

    @Test
    void theLargestValuesAFileCanHoldGiveATimeOfDayNotThreeHundredYears() {
        // u32 frame × u32 frame duration at timescale 1: 1.8e28 ns; before, clamped to Long.MAX_VALUE ns (292 years),
        // which then overflowed the take's sync arithmetic
        Timecode hostile = new Timecode(0xFFFF_FFFFL, 1, 0xFFFF_FFFFL, 255, 0xFFFF_FFFF);

        assertThat(hostile.timeOfDay()).isBetween(Duration.ZERO, Duration.ofDays(1));
        assertThat(hostile.smpte()).isNotBlank();
    }
}
