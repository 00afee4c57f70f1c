package io.camrig.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.camrig.footage.Timecode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TakeSyncTest {
    private static final long MS = 1_000_000L;
    /** Host nanoTime of the shot, and the camera clock value camrig set 10 s before it. */
    private static final long T = 5_000_000_000_000L;
    private static final LocalDateTime SET = LocalDateTime.of(2026, 12, 7, 10, 0, 0);
    private static final long SET_AT = T - 10_000 * MS;

    /** A camera whose clock was applied at {@code setAt} and whose footage starts at host instant {@code start}. */
    private static CameraStart camera(String name, Long fire, long setAt, long start, List<String> notes) {
        long todNanos = SET.toLocalTime().toNanoOfDay() + (start - setAt);
        long frame = (long) Math.floor(todNanos / (1001e9 / 30000));
        Timecode tc = new Timecode(frame, 30000, 1001, 30, 2);
        return new CameraStart(name, "S" + name, fire == null ? OptionalLong.empty() : OptionalLong.of(fire),
                Optional.of(tc), Optional.of(new ClockSet(SET, setAt - MS, setAt + MS)), notes);
    }

    private static List<CameraStart> rig(int n) {
        List<CameraStart> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = T + i * 200_000L;   // 0.2 ms apart
            starts.add(camera("cam" + i, start, SET_AT, start, List.of()));
        }
        return starts;
    }

    @Test
    void aTightTakeIsOkWithItsSpreadsInMsAndFrames() {
        TakeSync sync = TakeSync.of(rig(8), SyncTolerance.defaults());

        assertThat(sync.ok()).isTrue();
        assertThat(sync.spreadMillis().getAsDouble()).isCloseTo(1.4, within(1e-9));
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(0L, 1L);
        assertThat(sync.frameMillis()).isCloseTo(33.367, within(0.001));
        assertThat(sync.cameras()).allSatisfy(c -> {
            assertThat(c.flagged()).isFalse();
            assertThat(c.reasons()).isEmpty();
            assertThat(Math.abs(c.disagreementMillis().getAsDouble())).isLessThan(34.0);
        });
    }

    @Test
    void aCameraFourHundredMsLateIsFlaggedWithWhatCamrigSawAndTheTakeFails() {
        List<CameraStart> starts = rig(8);
        long late = T + 420 * MS;
        starts.set(5, camera("cam5", late, SET_AT, late, List.of("shutter resent after ExchangeTimeoutException")));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isFalse();
        assertThat(sync.spreadMillis().getAsDouble()).isGreaterThan(418);
        assertThat(sync.flagged()).singleElement().satisfies(c -> {
            assertThat(c.camera()).isEqualTo("cam5");
            assertThat(c.offsetMillis().getAsDouble()).isCloseTo(419.2, within(0.5));
            assertThat(c.reasons()).anyMatch(r -> r.startsWith("started 419."))
                    .contains("shutter resent after ExchangeTimeoutException");
        });
    }

    @Test
    void aWiderToleranceLetsTheSameTakePass() {
        List<CameraStart> starts = rig(4);
        long late = T + 40 * MS;
        starts.set(1, camera("cam1", late, SET_AT, late, List.of()));

        assertThat(TakeSync.of(starts, SyncTolerance.defaults()).ok()).isFalse();
        assertThat(TakeSync.of(starts, SyncTolerance.defaults().withMaxSpread(Duration.ofMillis(100))).ok()).isTrue();
    }

    @Test
    void aCameraThatMissedTheShutterIsFlagged() {
        List<CameraStart> starts = rig(3);
        starts.set(2, new CameraStart("cam2", "S2", OptionalLong.empty(), Optional.empty(), Optional.empty(),
                List.of("failed in shutter on: ExchangeTimeoutException")));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isFalse();
        assertThat(sync.flagged()).singleElement().satisfies(c -> assertThat(c.reasons())
                .containsExactly("missed the shutter (no camera-side start)",
                        "failed in shutter on: ExchangeTimeoutException"));
    }

    @Test
    void footageStartingLateIsFlaggedThoughTheFireLooksPerfect() {
        List<CameraStart> starts = rig(6);
        // the camera said "encoding" with the others, but its footage begins 500 ms later
        starts.set(3, camera("cam3", T + 3 * 200_000L, SET_AT, T + 500 * MS, List.of()));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(14L, 16L);
        assertThat(sync.flagged()).singleElement().satisfies(c -> {
            assertThat(c.camera()).isEqualTo("cam3");
            assertThat(c.offsetMillis().getAsDouble()).isLessThan(1.0);
            assertThat(c.disagreementMillis().getAsDouble()).isCloseTo(500, within(34.0));
            assertThat(c.reasons().get(0)).startsWith("its footage starts 50").contains("later than the fire says");
            assertThat(c.reasons()).contains("camrig saw no retry, reconnect or failure on this camera");
        });
    }

    @Test
    void clocksSetAtDifferentInstantsAreTranslatedNotFlagged() {
        List<CameraStart> starts = rig(4);
        // camera 2's clock was set 300 ms after the others': its timecode reads 9 frames early,
        // yet it started with the rig
        long start = T + 2 * 200_000L;
        starts.set(2, camera("cam2", start, SET_AT + 300 * MS, start, List.of()));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.ok()).isTrue();
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(8L, 10L);
        assertThat(sync.footageSpreadMillis().getAsDouble()).isLessThan(34.0);
    }

    @Test
    void translationWrapsAroundTheCamerasMidnight() {
        ClockSet set = new ClockSet(LocalDateTime.of(2026, 12, 7, 23, 59, 59), 0, 2 * MS);
        Timecode justAfterMidnight = new Timecode(30, 30000, 1001, 30, 2);   // 00:00:01.001
        long host = TakeSync.footageNanos(justAfterMidnight, set);
        assertThat(host - set.appliedNanos()).isCloseTo(2_001 * MS, within(MS));
    }

    @Test
    void theManifestAdapterCarriesTheFlagTheOffsetAndTheReasons() {
        List<CameraStart> starts = rig(3);
        long late = T + 420 * MS;
        starts.set(1, camera("cam1", late, SET_AT, late, List.of("reconnected 1 time during the take")));
        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        ManifestFacts.Start start = ManifestFacts.start(sync.cameras().get(1));
        assertThat(start.late()).isTrue();
        assertThat(start.offsetMillis()).isCloseTo(419.8, within(0.5));
        assertThat(start.reason()).contains("after the rig's median").endsWith("reconnected 1 time during the take");
        assertThat(ManifestFacts.take(sync)).containsEntry("ok", false).containsEntry("flagged", List.of("cam1"))
                .containsEntry("maxSpreadMs", 50.0).containsKey("timecodeSpreadFrames");
    }

    /** A camera whose footage starts at {@code timeOfDayNanos} on its clock, at 29.97 fps, with {@code flags}. */
    private static CameraStart atTimeOfDay(String name, long fire, long timeOfDayNanos, int flags,
                                          Optional<ClockSet> set) {
        long frame = (long) Math.floor(timeOfDayNanos / (1001e9 / 30000));
        return new CameraStart(name, "S" + name, OptionalLong.of(fire),
                Optional.of(new Timecode(frame, 30000, 1001, 30, flags)), set, List.of());
    }

    @Test
    void aTakeAcrossTheCamerasMidnightSpreadsByFramesNotByTheDay() {
        // 30 ms apart across midnight, clocks compared raw (no clock sets): before, 2589410 frames, 86400 s of
        // footage spread, and both cameras flagged for footage 12 h off what the fire saw
        long day = 86_400_000 * MS;
        List<CameraStart> starts = List.of(
                atTimeOfDay("before", T, day - 10 * MS, 2, Optional.empty()),         // 23:59:59.990: frame 2589410
                atTimeOfDay("after", T + 30 * MS, 20 * MS, 2, Optional.empty()));     // 00:00:00.020: frame 0

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.cameras()).extracting(c -> c.startFrame().getAsLong()).containsExactly(2_589_410L, 0L);
        assertThat(sync.timecodeSpreadFrames()).hasValue(1);
        assertThat(sync.footageSpreadMillis().getAsDouble()).isCloseTo(19.67, within(0.01));   // frame starts
        assertThat(sync.cameras()).allSatisfy(c -> assertThat(Math.abs(c.disagreementMillis().getAsDouble()))
                .isLessThan(34.0));
        assertThat(sync.ok()).as("flagged: %s", sync.flagged()).isTrue();
    }

    @Test
    void aDropFrameTakeAcrossMidnightWithClockSetsSpreadsByFramesToo() {
        // clocks set to 23:59:50 ten seconds before the shot; the drop-frame flag changes labels, not frame counts
        ClockSet set = new ClockSet(LocalDateTime.of(2026, 12, 7, 23, 59, 50), SET_AT - MS, SET_AT + MS);
        long atSet = set.value().toLocalTime().toNanoOfDay();
        List<CameraStart> starts = List.of(
                atTimeOfDay("a", T - 5 * MS, atSet + 10_000 * MS - 5 * MS, 3, Optional.of(set)),
                atTimeOfDay("b", T + 40 * MS, (atSet + 10_000 * MS + 40 * MS) % (86_400_000 * MS), 3, Optional.of(set)));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        assertThat(sync.timecodeSpreadFrames()).hasValue(2);
        assertThat(sync.footageSpreadMillis().getAsDouble()).isBetween(10.0, 80.0);
        assertThat(sync.cameras()).allSatisfy(c -> assertThat(c.flagged()).isFalse());
    }

    @Test
    void frameRatesWhoseProductsOverflowALongAreNotTakenForOneRate() {
        // rates 2^40/2^30 and 2^50/2^24 (a manifest may carry any positive long): both cross products are 0 mod 2^64
        CameraStart a = new CameraStart("a", "Sa", OptionalLong.of(T),
                Optional.of(new Timecode(10, 1L << 40, 1L << 30, 30, 0)), Optional.empty(), List.of());
        CameraStart b = new CameraStart("b", "Sb", OptionalLong.of(T),
                Optional.of(new Timecode(500, 1L << 50, 1L << 24, 30, 0)), Optional.empty(), List.of());

        assertThat(TakeSync.frameSpread(List.of(a, b))).isEmpty();
        assertThat(TakeSync.frameSpread(List.of(a, a))).hasValue(0);
    }

    @Test
    void aCameraWhoseChapterOneIsNotOnTheCardHasAnUnknownStartNotALateOne() {
        // cam2's card holds its recording from chapter 02 on: that chapter starts 2 min after the fire.
        List<CameraStart> starts = rig(4);
        long chapterTwo = T + 2 * 200_000L + 120_000 * MS;
        CameraStart second = camera("cam2", T + 2 * 200_000L, SET_AT, chapterTwo, List.of());
        assertThat(TakeSync.of(withAt(starts, 2, second), SyncTolerance.defaults()).flagged())
                .extracting(CameraSync::camera).contains("cam2");     // read as a start: late
        starts.set(0, starts.get(0).footageFrom("GX010001.MP4"));
        starts.set(1, starts.get(1).footageFrom("GOPR0002.JPG"));
        starts.set(2, second.footageFrom("GX020003.MP4"));

        TakeSync sync = TakeSync.of(starts, SyncTolerance.defaults());

        String reason = "chapter 01 is not on the card (first held: GX020003.MP4): start unknown";
        assertThat(sync.ok()).as("flagged: %s", sync.flagged()).isTrue();
        CameraSync line = sync.cameras().get(2);
        assertThat(line.flagged()).isFalse();
        assertThat(line.startUnknown()).hasValue(reason);
        assertThat(line.startFrame()).isEmpty();
        assertThat(line.footageOffsetMillis()).isEmpty();
        assertThat(line.disagreementMillis()).isEmpty();
        assertThat(line.offsetMillis()).isPresent();        // the fire still says when it started
        assertThat(sync.startsUnknown()).containsExactly(line);
        // The spreads are the other three cameras': 0.6 ms apart, not 2 min.
        assertThat(sync.footageSpreadMillis().getAsDouble()).isLessThan(1.0);
        assertThat(sync.timecodeSpreadFrames().getAsLong()).isBetween(0L, 1L);
        assertThat(sync.cameras()).filteredOn(c -> c != line).allSatisfy(c -> assertThat(c.startUnknown()).isEmpty());
        assertThat(ManifestFacts.start(line).startUnknown()).isEqualTo(reason);
        assertThat(ManifestFacts.start(sync.cameras().get(0)).startUnknown()).isNull();
        assertThat(ManifestFacts.take(sync)).containsEntry("ok", true).containsEntry("startUnknown", List.of("cam2"));
    }

    @Test
    void anUnknownStartIsAmongTheReasonsOfACameraFlaggedByTheFire() {
        List<CameraStart> starts = rig(3);
        long late = T + 420 * MS;
        starts.set(1, camera("cam1", late, SET_AT, late, List.of()).footageFrom("GH030001.MP4"));

        CameraSync line = TakeSync.of(starts, SyncTolerance.defaults()).cameras().get(1);

        assertThat(line.flagged()).isTrue();
        assertThat(line.reasons()).first().asString().contains("after the rig's median");
        assertThat(line.reasons()).contains("chapter 01 is not on the card (first held: GH030001.MP4): start unknown");
    }

    private static List<CameraStart> withAt(List<CameraStart> starts, int i, CameraStart s) {
        List<CameraStart> copy = new ArrayList<>(starts);
        copy.set(i, s);
        return copy;
    }
}
